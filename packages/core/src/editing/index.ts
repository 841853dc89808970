/**
 * Editing a report in a grid: reading typed and pasted values, the computed totals and the balance
 * line worked out from the rule equations, moving around the printed layout, and undo. Pure and
 * framework-free: the admin's editor calls these, and so can any other front end.
 */
export * from "./cell-text";
export * from "./input";
export * from "./document";
export * from "./computed";
export * from "./balance";
export * from "./grid";
export * from "./paste";
export * from "./history";
export { editingMessage, type EditingMessageKey } from "./messages";
