/**
 * @nianbao/demo — the demo district for `pnpm start`, the benchmarks and tests that want a full
 * database: 示范区人民政府 with 13 departments and reports for the four years up to the working year.
 * Kept out of the API, which ships to production without the sample-report generator.
 */
export { demoYears, seedDemo, type SeedOptions, type SeedResult } from "./seed";
export { DEPARTMENTS, DISTRICT } from "./data";
