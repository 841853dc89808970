/**
 * @nianbao/demo — the demo district for `pnpm start`, the benchmarks and tests that want a full
 * database: 示范区人民政府 with 13 departments and reports for 2021–2024. Kept out of the API, which
 * ships to production without the sample-report generator.
 */
export { seedDemo, type SeedOptions, type SeedResult } from "./seed";
export { DEPARTMENTS, DISTRICT } from "./data";
