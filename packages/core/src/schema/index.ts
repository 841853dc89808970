export * from "./document";
export * from "./values";
export * from "./findings";
export * from "./input";
export * from "./json-values";
