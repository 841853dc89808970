/**
 * Sign-in throttling (issue 9, hole 7): wrong passwords slow the next attempt, counted per account
 * and address, per address and per account, with growing waits — and no stranger can lock an account.
 */
import { createTestDb, TEST_DIALECTS, type TestDb } from "@nianbao/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createContextInner } from "../index";
import { createWorld, errorOf, FAST_HASHING, PASSWORD, type World } from "../test-support/world";

describe.each(TEST_DIALECTS)("sign-in throttling on $dialect", ({ dialect, enabled }) => {
  let test: TestDb;
  let world: World;
  let clock = Date.parse("2025-01-10T02:00:00Z");

  beforeAll(async () => {
    if (!enabled) return;
    test = await createTestDb(dialect);
    world = await createWorld(test.db);
  }, 60_000);
  afterAll(async () => {
    await test?.drop();
  });

  const from = (ip: string) =>
    createCaller(createContextInner({ db: test.db, meta: { ip }, config: { passwordHashing: FAST_HASHING, now: () => clock } }));
  /** The world names accounts `<tag>-<role>-<suffix>`, with the suffix its district's name ends in. */
  const nameOf = async (role: "reviewer" | "signer" | "viewer" | "admin") =>
    `a-${role}-${world.district.name.replace("测试区人民政府", "")}`;

  const attempt = async (ip: string, name: string, password: string) => {
    const error = await errorOf(from(ip).auth.login({ username: name, password }));
    if (!error) return { status: "ok" as const };
    const details = (error.cause as { details?: { retryAfterSeconds?: number } } | undefined)?.details;
    return { status: error.code, retryAfter: details?.retryAfterSeconds, message: error.message };
  };

  it.skipIf(!enabled)("regression: wrong passwords from one address do not keep the owner out from another", async () => {
    const name = await nameOf("admin");
    for (let i = 0; i < 8; i++) await attempt("198.51.100.66", name, "wrong-password");
    expect((await attempt("198.51.100.66", name, PASSWORD)).status).toBe("TOO_MANY_REQUESTS");
    expect((await attempt("192.0.2.10", name, PASSWORD)).status).toBe("ok");
  });

  it.skipIf(!enabled)("makes each further attempt from the same address wait twice as long, then lets the right password in", async () => {
    const name = await nameOf("signer");
    const waits: (number | undefined)[] = [];
    for (let i = 0; i < 8; i++) {
      const result = await attempt("198.51.100.7", name, "wrong-password");
      waits.push(result.status === "TOO_MANY_REQUESTS" ? result.retryAfter : 0);
      if (i < 7) clock += (result.retryAfter ?? 0) * 1000;
    }
    expect(waits).toEqual([0, 0, 0, 0, 1, 2, 4, 8]);
    // Still waiting: even the right password is not tried (nor counted).
    const early = await attempt("198.51.100.7", name, PASSWORD);
    // A wait of seconds is said in seconds, not rounded up to "1分钟".
    expect(early).toMatchObject({ status: "TOO_MANY_REQUESTS", retryAfter: 8, message: "登录失败次数过多，请8秒后再试" });
    clock += 8_000;
    expect((await attempt("198.51.100.7", name, PASSWORD)).status).toBe("ok");
  });

  it.skipIf(!enabled)("slows one address that tries many accounts", async () => {
    const results = [];
    for (let i = 0; i < 51; i++) results.push(await attempt("203.0.113.99", `nobody-${i}`, "wrong-password"));
    expect(results.slice(0, 49).every((r) => r.status === "UNAUTHORIZED")).toBe(true);
    expect(results[50]).toMatchObject({ status: "TOO_MANY_REQUESTS" });
    // Another account from that address waits too; the same account from elsewhere does not.
    expect((await attempt("203.0.113.99", await nameOf("viewer"), PASSWORD)).status).toBe("TOO_MANY_REQUESTS");
    expect((await attempt("203.0.113.100", await nameOf("viewer"), PASSWORD)).status).toBe("ok");
  });

  it.skipIf(!enabled)(
    "slows an account guessed from many addresses, for at most a minute",
    async () => {
      const name = await nameOf("reviewer");
      const waits: number[] = [];
      for (let i = 0; i < 110; i++) {
        // Every guess from a new address: only the account's own counter grows. The clock follows each wait.
        const result = await attempt(`10.0.0.${i}`, name, "wrong-password");
        waits.push(result.retryAfter ?? 0);
        clock += (result.retryAfter ?? 0) * 1000;
      }
      expect(waits.slice(0, 99).every((w) => w === 0)).toBe(true);
      expect(waits.slice(99, 107)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
      clock -= 30_000;
      expect((await attempt("10.9.9.9", name, PASSWORD)).status).toBe("TOO_MANY_REQUESTS");
      clock += 30_000;
      expect((await attempt("10.9.9.9", name, PASSWORD)).status).toBe("ok");
    },
    120_000,
  );
});
