/**
 * `pnpm start` as a user runs it on a fresh clone: the real entry point in a child process, on an empty
 * SQLite file. The demo must include the science bureau's 2021 report imported from the repository's
 * own fixture (spec/fixtures), whatever folder the repository sits in.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./test-support/listen";

const SERVER_DIR = join(import.meta.dirname, "..");
const PASSWORD = "start-test-password-1";

/** Waits until /healthz answers, or the process ends (then its output says why). */
async function waitForHealth(base: string, child: ChildProcess, output: () => string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("pnpm start on a fresh database", () => {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-start-"));
  let child: ChildProcess;
  let base: string;
  let stdout = "";

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: SERVER_DIR,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: join(dir, "demo.sqlite"),
        NIANBAO_ADMIN_PASSWORD: PASSWORD,
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    await waitForHealth(base, child, () => stdout);
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("says how to sign in, and lists the science bureau's 2021 report imported from the fixture", async () => {
    expect(stdout).toContain('Sign in as "admin"');
    const login = await fetch(`${base}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "kjj.editor", password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const query = async <T>(path: string, input: unknown): Promise<T> => {
      const response = await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } });
      expect(response.status, path).toBe(200);
      return ((await response.json()) as { result: { data: T } }).result.data;
    };
    const reports = await query<{ id: string; year: number }[]>("reports.list", { year: 2021 });
    expect(reports).toHaveLength(1);
    type Tables = { applications: { newReceived: { total: number | null } }; reviewLitigation: { review: { total: number | null } } };
    const { document } = await query<{ document: { year: number; tables: Tables } }>("reports.get", { id: reports[0]!.id });
    expect(document.year).toBe(2021);
    // The fixture's own figures: no application received, and a 四 of 14 values for 15 columns, which the
    // importer leaves empty rather than shift. A generated demo report is never empty anywhere.
    expect(document.tables.applications.newReceived.total).toBe(0);
    expect(document.tables.reviewLitigation.review.total).toBeNull();
  });
});
