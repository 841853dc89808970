/** The only environment the test helpers read. */
export const testEnv = {
  /** A PostgreSQL server to run the PostgreSQL half of the suites against (unset: those are skipped). */
  pgUrl: process.env.NIANBAO_TEST_PG_URL || undefined,
};
