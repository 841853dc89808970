/**
 * Once per test run: build the admin if its sources changed (into its own folder, .next-e2e), start a
 * real API server on a fresh SQLite database seeded with the demo, start the built admin pointing at
 * it, and launch one Chromium that every test file connects to. With NIANBAO_TEST_PG_URL set, a second
 * API + admin pair runs on a fresh PostgreSQL database for the PostgreSQL smoke tests.
 */
import type { TestProject } from "vitest/node";
import { launchBrowserServer } from "./browser-server";
import { buildAdmin, startStack, type Stack } from "./stack";
import { DEMO_PASSWORD, e2eEnv } from "./env";

declare module "vitest" {
  export interface ProvidedContext {
    /** The admin on SQLite, e.g. http://127.0.0.1:41234 */
    adminUrl: string;
    /** Its API server (for preparing data over plain tRPC). */
    apiUrl: string;
    /** The same pair on PostgreSQL, or "" when NIANBAO_TEST_PG_URL is unset. */
    pgAdminUrl: string;
    pgApiUrl: string;
    /** Where test files connect to the shared Chromium. */
    browserWsEndpoint: string;
    /** The password of every demo account. */
    password: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error: unknown) => process.stderr.write(`e2e teardown: ${String(error)}\n`));
  };
  try {
    await buildAdmin();
    const sqlite = await startStack({ dialect: "sqlite" });
    cleanups.push(sqlite.stop);
    let pg: Stack | null = null;
    if (e2eEnv.pgUrl) {
      pg = await startStack({ dialect: "postgres", pgUrl: e2eEnv.pgUrl });
      cleanups.push(pg.stop);
    }
    const browser = await launchBrowserServer();
    cleanups.push(() => browser.close());

    project.provide("adminUrl", sqlite.adminUrl);
    project.provide("apiUrl", sqlite.apiUrl);
    project.provide("pgAdminUrl", pg?.adminUrl ?? "");
    project.provide("pgApiUrl", pg?.apiUrl ?? "");
    project.provide("browserWsEndpoint", browser.wsEndpoint());
    project.provide("password", DEMO_PASSWORD);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
