/**
 * Says once, before any test runs, whether the PostgreSQL cases run: they are the only tests that may
 * skip, and a skip must be seen, not found in a count.
 */
export default function announcePostgres(): void {
  const url = process.env.NIANBAO_TEST_PG_URL;
  const line = url
    ? `PostgreSQL tests: on, against ${url.replace(/\/\/[^@/]*@/u, "//")}`
    : "PostgreSQL tests: SKIPPED (set NIANBAO_TEST_PG_URL=postgres://… to run them; SQLite runs always)";
  process.stdout.write(`\n${line}\n\n`);
}
