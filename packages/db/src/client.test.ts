/**
 * PostgreSQL connections are opened with JIT compilation off (it cost the progress board tens of
 * milliseconds a call), unless the URL's own `options` says otherwise.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb, type Database } from "./client";
import { pgTestUrl } from "./testing";

async function jitSetting(db: Database): Promise<string> {
  const result = await db.read(({ q }) =>
    (q as unknown as { execute(query: unknown): Promise<{ rows: { jit: string }[] }> }).execute(sql`show jit`),
  );
  return result.rows[0]!.jit;
}

describe.skipIf(!pgTestUrl)("PostgreSQL connection settings", () => {
  it("turns JIT compilation off", async () => {
    const db = createDb({ url: pgTestUrl! });
    try {
      expect(await jitSetting(db)).toBe("off");
    } finally {
      await db.close();
    }
  });

  it("leaves the URL's own options in charge", async () => {
    const url = new URL(pgTestUrl!);
    url.searchParams.set("options", "-c jit=on");
    const db = createDb({ url: url.toString() });
    try {
      expect(await jitSetting(db)).toBe("on");
    } finally {
      await db.close();
    }
  });

  it("closes twice without an error (a test that closes its database can still drop it)", async () => {
    const db = createDb({ url: pgTestUrl! });
    await db.close();
    await expect(db.close()).resolves.toBeUndefined();
  });
});
