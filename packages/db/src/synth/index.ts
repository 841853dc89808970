export { synthesizeNation, type NationOptions, type NationSummary } from "./nation";
