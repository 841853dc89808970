export * from "./document";
export * from "./values";
export * from "./findings";
