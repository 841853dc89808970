/**
 * nianbao db synth-nation --database URL [--counties N] [--year N] [--seed N]: an empty database
 * (SQLite or PostgreSQL) migrated and filled with a synthetic nation, for measuring roll-ups and
 * progress at national scale. The same seed gives the same nation.
 */
import type { Lang } from "@nianbao/core";
import { createDb } from "@nianbao/db";
import { synthesizeNation } from "@nianbao/db/synth";
import type { Io } from "../io";
import { say } from "../messages";

export interface SynthNationArgs {
  url: string;
  counties: number;
  year: number;
  seed: number;
  lang: Lang;
}

export async function synthNationCommand(args: SynthNationArgs, io: Io): Promise<number> {
  const db = createDb({ url: args.url });
  const started = performance.now();
  try {
    await db.migrate();
    const nation = await synthesizeNation(db, {
      counties: args.counties,
      year: args.year,
      seed: args.seed,
      onProgress: (done) => io.stderr.write(`${say(args.lang, "synthProgress", done)}\n`),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.stdout.write(
      `${say(args.lang, "synthDone", { organisations: nation.organisations, reports: nation.reports, year: nation.year, seconds, root: nation.rootId })}\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
