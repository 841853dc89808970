/**
 * One API server and one admin server for the tests, as child processes on free ports: the API on a
 * fresh database (a temporary SQLite file, or a new PostgreSQL database dropped afterwards) seeded
 * with the demo district, the admin from the tests' own build.
 */
import type { ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDb } from "@nianbao/db/testing";
import { ensureAdminBuild, freePort, spawnAdmin, spawnApi, stopChild, waitForHttp } from "../../../../scripts/admin-build.mjs";
import { DEMO_PASSWORD, E2E_DIST_DIR, e2eEnv } from "./env";

export interface Stack {
  apiUrl: string;
  adminUrl: string;
  stop(): Promise<void>;
}

const say = (line: string) => process.stdout.write(`[nianbao admin] ${line}\n`);

/** Build the admin into the tests' folder unless a build of the current sources is there. */
export async function buildAdmin(distDir = E2E_DIST_DIR): Promise<void> {
  const started = Date.now();
  say("checking the admin build…");
  const built = await ensureAdminBuild({ distDir, log: (text: string) => e2eEnv.verbose && process.stdout.write(text) });
  say(built ? `admin built in ${((Date.now() - started) / 1000).toFixed(0)} s` : "admin build is up to date");
}

/** Send a child's output to a log file (and to the terminal when verbose). */
function logTo(child: ChildProcess, file: string): void {
  const out = createWriteStream(file, { flags: "a" });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk: Buffer) => {
      out.write(chunk);
      if (e2eEnv.verbose) process.stdout.write(chunk);
    });
  }
}

const tail = (file: string) => {
  try {
    return readFileSync(file, "utf8").slice(-3000);
  } catch {
    return "";
  }
};

export async function startStack(
  options: { dialect: "sqlite" } | { dialect: "postgres"; pgUrl: string },
  distDir = E2E_DIST_DIR,
): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-e2e-"));
  const stops: (() => Promise<void>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const step of stops.reverse()) await step();
  };
  try {
    let databaseUrl = join(dir, "e2e.sqlite");
    if (options.dialect === "postgres") {
      const database = await createTestDb("postgres", { pgUrl: options.pgUrl });
      // The API opens its own pool; ours is only needed to drop the database afterwards.
      databaseUrl = database.url;
      stops.push(() => database.drop());
    }
    const [apiPort, adminPort] = [await freePort(), await freePort()];
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const adminUrl = `http://127.0.0.1:${adminPort}`;

    const apiLog = join(dir, "api.log");
    const api = spawnApi({
      env: {
        ...process.env,
        PORT: String(apiPort),
        HOST: "127.0.0.1",
        DATABASE_URL: databaseUrl,
        NIANBAO_ADMIN_PASSWORD: DEMO_PASSWORD,
        NIANBAO_SEED_DEMO: "1",
        LOG_LEVEL: "warn",
      },
    });
    stops.push(() => stopChild(api));
    logTo(api, apiLog);

    const adminLog = join(dir, "admin.log");
    const admin = spawnAdmin({ port: adminPort, apiUrl, distDir });
    stops.push(() => stopChild(admin));
    logTo(admin, adminLog);

    try {
      await waitForHttp(`${apiUrl}/healthz`, { child: api, timeoutMs: 180_000 });
    } catch (error) {
      throw new Error(`the API server did not start: ${String(error)}\n${tail(apiLog)}`);
    }
    try {
      await waitForHttp(`${adminUrl}/login`, { child: admin, timeoutMs: 180_000 });
    } catch (error) {
      throw new Error(`the admin server did not start: ${String(error)}\n${tail(adminLog)}`);
    }
    say(`${options.dialect}: API ${apiUrl}, admin ${adminUrl}`);
    return { apiUrl, adminUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
