/**
 * Operations: `/readyz` (database reachable, migrations applied) beside `/healthz`, and a close that
 * lets the requests in flight finish before the database is closed.
 */
import { createTestDb, TEST_DIALECTS } from "@nianbao/db/testing";
import { describe, expect, it } from "vitest";
import { listen, testServer } from "./test-support/listen";

describe.each(TEST_DIALECTS)("operations on $dialect", ({ dialect, enabled }) => {
  const serve = async () => {
    const test = await createTestDb(dialect);
    const app = await testServer(test.db);
    return { test, app };
  };

  it.skipIf(!enabled)("is ready once the database answers and holds every migration, and says so when it does not", async () => {
    const { test, app } = await serve();
    try {
      const ready = await app.inject({ method: "GET", url: "/readyz" });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({ ready: true, database: dialect, migration: { applied: true } });

      // Forget the migrations: the database answers, but the schema is not known to be this version's.
      await test.db.read(async ({ q }) => {
        const client = (q as unknown as { $client: { exec?(sql: string): void; query?(sql: string): Promise<unknown> } }).$client;
        if (dialect === "sqlite") client.exec!("delete from __drizzle_migrations");
        else await client.query!("delete from drizzle.__drizzle_migrations");
      });
      const pending = await app.inject({ method: "GET", url: "/readyz" });
      expect(pending.statusCode).toBe(503);
      expect(pending.json()).toMatchObject({ ready: false, problem: "migrations pending" });
      expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);

      // The database gone: not ready, and the answer names no error.
      await test.db.close();
      const down = await app.inject({ method: "GET", url: "/readyz" });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({
        ready: false,
        database: dialect,
        migration: { expected: expect.any(String), applied: false },
        problem: "database unavailable",
      });
    } finally {
      await app.close();
      await test.drop();
    }
  });

  it.skipIf(!enabled)("finishes a request in flight when closed, then refuses new connections", async () => {
    const { test, app } = await serve();
    let entered!: () => void;
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    // Holds /healthz for a moment, as a slow database would.
    app.addHook("preHandler", async (req) => {
      if (req.headers["x-hold"]) {
        entered();
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    });
    const base = await listen(app);
    try {
      const held = fetch(`${base}/healthz`, { headers: { "x-hold": "1" } });
      await inFlight;
      const closed = app.close();
      const answer = await held;
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ ok: true, database: dialect });
      await closed;
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    } finally {
      await app.close();
      await test.drop();
    }
  });
});
