#!/usr/bin/env node
// `pnpm bench`: every benchmark of the repository, each in a fresh Node process so that one does not
// warm up or fill the heap for the next. Each prints its figures beside a baseline measured in the
// same run. Benchmarks print; no test asserts a time.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const benches = [
  "packages/core/bench/core.bench.ts",
  "packages/documents/bench/import.bench.ts",
  "packages/documents/bench/export.bench.ts",
  "apps/server/bench/load.bench.ts",
  "apps/server/bench/durability.bench.ts",
  "apps/server/bench/nation.bench.ts",
  "packages/cli/bench/aggregate.bench.ts",
  "apps/admin/bench/editor.bench.ts",
].filter((file) => existsSync(join(root, file)));

const only = process.argv.slice(2);
let failed = 0;
for (const file of benches) {
  if (only.length && !only.some((word) => file.includes(word))) continue;
  process.stdout.write(`\n### ${file}\n`);
  const result = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", "--import", "tsx", file], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  if (result.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
