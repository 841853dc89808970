/** The only environment the browser tests read. */
export const e2eEnv = {
  /** A PostgreSQL server for the PostgreSQL smoke tests (unset: they are skipped, and say so). */
  pgUrl: process.env.NIANBAO_TEST_PG_URL || undefined,
  /** Show the API's and the admin's output while the tests run (default: kept in a log, shown on failure). */
  verbose: process.env.NIANBAO_E2E_VERBOSE === "1",
};

/** The tests' own build folder, so they never share one with a developer's `next build` or `pnpm start`. */
export const E2E_DIST_DIR = ".next-e2e";

/** The password of every demo account in the tests' databases. */
export const DEMO_PASSWORD = "e2e-demo-pass-2024";
