/** The only environment the benchmark reads. */
const databaseUrl = process.env.DATABASE_URL;
export const benchEnv = {
  /** PostgreSQL server to benchmark on (a fresh database is created there and dropped after). */
  pgUrl: process.env.NIANBAO_TEST_PG_URL || (databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl) ? databaseUrl : undefined),
  /** Seconds per measurement (default 5). */
  seconds: Number(process.env.BENCH_SECONDS || 5),
  /** load.bench.ts: seconds each read and its baseline run unmeasured first (default 1). */
  warmup: Number(process.env.BENCH_WARMUP || 1),
  /** durability.bench.ts: saves per measurement (default 300) and the folder of its databases (default the system's temporary one). */
  saves: Number(process.env.BENCH_SAVES || 300),
  dir: process.env.BENCH_DIR || undefined,
};
