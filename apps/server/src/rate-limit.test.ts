/**
 * Fair use over real HTTP: a token past its calls gets 429 with Retry-After in the API's error
 * shape; other tokens and signed-in people are not held up by it; the bucket refills with time; a
 * batch counts each call it carries.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenBuckets } from "./rate-limit";
import { FAST, NOW, startServer, type TestServer } from "./test-support/server";

describe("per-token rate limit", () => {
  let s: TestServer;
  let clock = NOW;
  const tokens: string[] = [];
  const me = (token: string, path = "auth.me") => s.call("query", path, {}, undefined, { authorization: `Bearer ${token}` });

  beforeAll(async () => {
    // 60 a minute is one a second; a burst of 3. The clock stands still unless a test moves it.
    s = await startServer("sqlite", { rateLimit: { perMinute: 60, burst: 3 }, apiConfig: { passwordHashing: FAST, now: () => clock } });
    await s.login("admin");
    for (const name of ["统计系统", "门户网站", "办公系统"]) {
      const created = await s.call("mutation", "tokens.create", { orgId: s.districtId, name, role: "viewer" }, "admin");
      tokens.push((created.body!.result!.data as { token: string }).token);
    }
  });
  afterAll(async () => {
    await s?.close();
  });

  it("a token over its rate gets 429 with Retry-After; others go on", async () => {
    const [runaway, other] = tokens as [string, string];
    for (let i = 0; i < 3; i++) expect((await me(runaway)).status).toBe(200);
    const refused = await me(runaway);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.body!.error!.data).toMatchObject({ code: "TOO_MANY_REQUESTS", httpStatus: 429, retryAfterSeconds: 1, path: "auth.me" });
    expect(refused.body!.error!.message).toContain("请求过于频繁");
    // Another token, and a person signed in with a session, are not slowed by the runaway.
    expect((await me(other)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await s.call("query", "auth.me", {}, "admin")).status).toBe(200);
    // A second later there is one call again, and only one.
    clock += 1_000;
    try {
      expect((await me(runaway)).status).toBe(200);
      expect((await me(runaway)).status).toBe(429);
    } finally {
      clock = NOW;
    }
  });

  it("a batch counts as the calls it carries", async () => {
    const token = tokens[2]!;
    const batch = await fetch(`${s.base}/trpc/auth.me,auth.me,auth.me?batch=1&input=${encodeURIComponent("{}")}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(batch.status).toBe(200);
    expect((await me(token)).status).toBe(429);
  });
});

describe("token buckets", () => {
  it("wait the time the missing calls take to come back, and never forever", () => {
    const buckets = new TokenBuckets({ perMinute: 6, burst: 2 });
    expect(buckets.take("a", 1, 0)).toBe(0);
    expect(buckets.take("a", 1, 0)).toBe(0);
    expect(buckets.take("a", 1, 0)).toBe(10);
    expect(buckets.take("a", 1, 10_000)).toBe(0);
    // A call dearer than the burst costs the whole bucket rather than being refused for ever.
    expect(buckets.take("b", 50, 0)).toBe(0);
    expect(buckets.take("b", 50, 0)).toBe(20);
  });
});
