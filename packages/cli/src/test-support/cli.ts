import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { run } from "../main";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "nianbao-cli-"));
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

/** Runs a command in-process with captured output. */
export async function cli(argv: string[], options: { stdin?: string; cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? "");
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdin,
    stdout: { write: (chunk: string | Uint8Array) => (stdout += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8")) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    cwd: options.cwd ?? process.cwd(),
    ...(options.env ? { env: options.env } : {}),
  });
  return { code, stdout, stderr };
}

/** Runs the real command in a child process, as `pnpm --silent nianbao …` does. */
export function cliProcess(argv: string[], options: { stdin?: string; cwd?: string } = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(REPO, "packages/cli/src/bin.ts"), ...argv], {
    // As under `pnpm nianbao`: the process runs at the repository root, INIT_CWD is the user's directory.
    cwd: REPO,
    input: options.stdin ?? "",
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: options.cwd ?? REPO },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
