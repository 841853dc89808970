/**
 * nianbao db backup / restore: a backup taken while another process saves without pause is one
 * consistent snapshot (every save acknowledged before it started is in it, none half there), a
 * restore refuses a database in use, and the restored database holds exactly what the backup held.
 */
import { type ChildProcessByStdio, spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import Sqlite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { cli, REPO, tempDir } from "../test-support/cli";

interface Saver {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** The highest revision whose save has been acknowledged. */
  acked: () => number;
  waitFor: (revision: number) => Promise<void>;
  stop: () => Promise<void>;
}

const savers: Saver[] = [];
afterEach(async () => {
  await Promise.all(savers.splice(0).map((s) => s.stop()));
});

function startSaver(db: string): Promise<Saver> {
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "packages/cli/test/fixtures/saver.ts"), db], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let acked = 0;
  let stderr = "";
  let buffer = "";
  const waiters: { revision: number; done: () => void }[] = [];
  return new Promise((resolveReady, rejectReady) => {
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => rejectReady(new Error(`saver exited with ${code}: ${stderr}`)));
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith("ready")) {
          const saver: Saver = {
            child,
            acked: () => acked,
            waitFor: (revision) => (acked >= revision ? Promise.resolve() : new Promise((done) => waiters.push({ revision, done }))),
            stop: () =>
              new Promise((done) => {
                if (child.exitCode !== null || child.signalCode !== null) return done();
                child.once("exit", () => done());
                child.kill("SIGKILL");
              }),
          };
          savers.push(saver);
          resolveReady(saver);
        } else if (/^\d+$/u.test(line)) {
          acked = Number(line);
          for (const w of waiters.filter((w) => acked >= w.revision)) w.done();
        }
      }
    });
  });
}

interface Contents {
  integrity: string;
  current: number;
  revisions: { revision_no: number; document: string; note: string | null }[];
}

function contents(path: string): Contents {
  const db = new Sqlite(path, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: db.pragma("integrity_check", { simple: true }) as string,
      current: (db.prepare("SELECT current_revision AS n FROM reports").get() as { n: number }).n,
      revisions: db.prepare("SELECT revision_no, document, note FROM report_revisions ORDER BY revision_no").all() as Contents["revisions"],
    };
  } finally {
    db.close();
  }
}

describe("nianbao db backup / restore (SQLite)", () => {
  it("backs up under a stream of saves, refuses to restore over a database in use, and restores every backed-up save", async () => {
    const dir = tempDir();
    const live = join(dir, "live.sqlite");
    const saver = await startSaver(live);
    await saver.waitFor(30);

    const ackedBefore = saver.acked();
    const backedUp = await cli(["db", "backup", "backup.sqlite", "--database", live], { cwd: dir });
    expect(backedUp.stderr).toBe("");
    expect(backedUp.code).toBe(0);
    expect(backedUp.stdout).toMatch(/^已备份 .*live\.sqlite → backup\.sqlite（.*完整性检查通过）\n$/u);
    // The saves went on during and after the backup.
    await saver.waitFor(saver.acked() + 20);

    const backup = contents(join(dir, "backup.sqlite"));
    expect(backup.integrity).toBe("ok");
    // Every save acknowledged before the backup began is in it; the revisions run 1…current without a
    // gap and the report points at the last one: one consistent moment, nothing half-written.
    expect(backup.current).toBeGreaterThanOrEqual(ackedBefore);
    expect(backup.current).toBeLessThan(saver.acked());
    expect(backup.revisions.map((r) => r.revision_no)).toEqual(Array.from({ length: backup.current }, (_, i) => i + 1));
    expect(existsSync(join(dir, "backup.sqlite-wal"))).toBe(false);

    // A second backup to the same file needs --force.
    const again = await cli(["db", "backup", "backup.sqlite", "--database", live], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("已存在；加 --force 覆盖");

    // The saver still has the database open: a restore over it is refused and changes nothing.
    const refused = await cli(["db", "restore", "backup.sqlite", "--database", live, "--lang", "en"], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is in use \(is the server still running\?\)/u);
    const ackedAtRefusal = saver.acked();
    await saver.stop();
    expect(contents(live).current).toBeGreaterThanOrEqual(ackedAtRefusal);

    const restored = await cli(["db", "restore", "backup.sqlite", "--database", live], { cwd: dir });
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    const after = contents(live);
    expect(after).toEqual(backup);

    // Restoring into a new file works as well.
    const fresh = await cli(["db", "restore", "backup.sqlite", "--database", "fresh.sqlite"], { cwd: dir });
    expect(fresh.code).toBe(0);
    expect(contents(join(dir, "fresh.sqlite"))).toEqual(backup);
  }, 120_000);

  it("refuses a file that is not a nianbao database, and points PostgreSQL at pg_dump / pg_restore", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "junk.sqlite"), "not a database at all, just text that is long enough to be read");
    const junk = await cli(["db", "restore", "junk.sqlite", "--database", "x.sqlite"], { cwd: dir });
    expect(junk.code).toBe(2);
    expect(junk.stderr).toContain("不是 SQLite 数据库或已损坏");
    expect(existsSync(join(dir, "x.sqlite"))).toBe(false);

    const other = new Sqlite(join(dir, "other.sqlite"));
    other.exec("CREATE TABLE t (a)");
    other.close();
    const notOurs = await cli(["db", "restore", "other.sqlite", "--database", "x.sqlite"], { cwd: dir });
    expect(notOurs.stderr).toContain("不是 nianbao 的数据库");

    const pg = await cli(["db", "backup", "out.dump", "--database", "postgres://u@127.0.0.1:5432/db"], { cwd: dir });
    expect(pg.code).toBe(2);
    expect(pg.stderr).toContain("pg_dump");
    expect(pg.stderr).toContain("pg_restore");
    const viaEnv = await cli(["db", "backup", "out.dump", "--lang", "en"], { cwd: dir, env: { DATABASE_URL: "postgresql://u@host/db" } });
    expect(viaEnv.stderr).toContain("back it up with pg_dump");

    const usage = await cli(["db", "copy", "a"], { cwd: dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("nianbao db backup|restore FILE");
  }, 60_000);
});
