/**
 * Safe retries over real HTTP: a mutation retried with the same Idempotency-Key is done once (one
 * revision), the same key with another body is refused, two identical requests racing are done
 * once, keys are the caller's own and expire after a day.
 */
import { TEST_DIALECTS } from "@nianbao/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Reply, reportIdOf, startServer, type TestServer, NOW } from "./test-support/server";

describe.each(TEST_DIALECTS)("idempotency keys on $dialect", ({ dialect, enabled }) => {
  let s: TestServer;
  let clock = NOW;
  let editorToken: string;
  let adminToken: string;
  let reportId: string;

  const withToken = (token: string, key?: string): Record<string, string> => ({
    authorization: `Bearer ${token}`,
    ...(key ? { "idempotency-key": key } : {}),
  });

  async function createToken(role: string, orgId: string): Promise<string> {
    const created = await s.call("mutation", "tokens.create", { orgId, name: `重试测试 ${role}`, role }, "admin");
    expect(created.status).toBe(200);
    return (created.body!.result!.data as { token: string }).token;
  }

  async function revisions(): Promise<number[]> {
    const history = await s.call("query", "reports.history", { id: reportId }, undefined, withToken(editorToken));
    return (history.body!.result!.data as { revisions: { revisionNo: number }[] }).revisions.map((r) => r.revisionNo);
  }

  /** The body of a save on top of the report's current revision. */
  async function saveBody(note: string) {
    const current = await s.call("query", "reports.get", { id: reportId }, undefined, withToken(editorToken));
    const data = current.body!.result!.data as { revision: { revisionNo: number }; document: unknown };
    return { id: reportId, baseRevision: data.revision.revisionNo, document: data.document, note };
  }

  const save = (body: unknown, key: string, token = editorToken): Promise<Reply> =>
    s.call("mutation", "reports.update", body, undefined, withToken(token, key));

  beforeAll(async () => {
    if (!enabled) return;
    s = await startServer(dialect, { apiConfig: { passwordHashing: { memoryCost: 1024, timeCost: 1, parallelism: 1 }, now: () => clock } });
    await s.login("admin");
    editorToken = await createToken("editor", s.deptId);
    adminToken = await createToken("admin", s.districtId);
    const created = await s.call("mutation", "reports.create", { orgId: s.deptId, year: 2024 }, undefined, withToken(editorToken));
    expect(created.status).toBe(200);
    reportId = reportIdOf(created);
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(!enabled)("a save retried with the same key makes one revision and answers the same", async () => {
    const before = await revisions();
    const body = await saveBody("第一次保存");
    const first = await save(body, "save-once-1");
    const retry = await save(body, "save-once-1");
    expect(first.status).toBe(200);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(await revisions()).toHaveLength(before.length + 1);
  });

  it.skipIf(!enabled)("the same key with another body is refused with 422 and a Chinese message, and nothing is saved", async () => {
    const body = await saveBody("用于比较");
    expect((await save(body, "reused-key")).status).toBe(200);
    const before = await revisions();
    const other = await save({ ...body, note: "另一次保存" }, "reused-key");
    expect(other.status).toBe(422);
    expect(other.body!.error!.data).toMatchObject({ code: "UNPROCESSABLE_CONTENT", httpStatus: 422, path: "reports.update" });
    expect(other.body!.error!.message).toContain("Idempotency-Key 已用于另一个请求");
    const english = await s.call("mutation", "reports.update", { ...body, note: "另一次保存" }, undefined, {
      ...withToken(editorToken, "reused-key"),
      "accept-language": "en",
    });
    expect(english.body!.error!.message).toMatch(/used for a different request/);
    expect(await revisions()).toEqual(before);
  });

  it.skipIf(!enabled)("two identical saves racing are done once; a later retry gets the answer of the one that ran", async () => {
    const before = await revisions();
    const body = await saveBody("并发重试");
    const answers = await Promise.all([save(body, "race-1"), save(body, "race-1"), save(body, "race-1")]);
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    // A 409 here is "still running" (with Retry-After), never a stale-revision conflict: only one save ran.
    for (const answer of answers.filter((a) => a.status === 409)) {
      expect(answer.headers.get("retry-after")).toBe("1");
      expect(answer.body!.error!.message).toContain("仍在处理中");
    }
    expect(answers.some((a) => a.status === 200)).toBe(true);
    expect(await revisions()).toHaveLength(before.length + 1);
    const retry = await save(body, "race-1");
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect((retry.body!.result!.data as { revision: number }).revision).toBe((await revisions()).at(-1));
  });

  it.skipIf(!enabled)("keys belong to their caller: another token's same key is a new request", async () => {
    const body = await saveBody("调用者一");
    expect((await save(body, "shared-name")).status).toBe(200);
    const before = await revisions();
    const theirs = await save(await saveBody("调用者二"), "shared-name", adminToken);
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(await revisions()).toHaveLength(before.length + 1);
  });

  it.skipIf(!enabled)("a key is forgotten after a day: the same request then runs again", async () => {
    const body = await saveBody("过期");
    expect((await save(body, "day-old")).status).toBe(200);
    clock += 24 * 60 * 60_000 + 1;
    try {
      const again = await save(body, "day-old");
      // It ran: its base revision is stale now, which only the procedure itself can say.
      expect(again.status).toBe(409);
      expect(again.headers.get("idempotent-replayed")).toBeNull();
      expect(again.body!.error!.data).toMatchObject({ code: "CONFLICT", path: "reports.update" });
    } finally {
      clock = NOW;
    }
  });

  it.skipIf(!enabled)("a signed-in user's keys work the same way, and a malformed key is refused", async () => {
    await s.login("editor");
    const body = await saveBody("会话保存");
    const before = await revisions();
    const headers = { "idempotency-key": "session-key-1" };
    const first = await s.call("mutation", "reports.update", body, "editor", headers);
    const retry = await s.call("mutation", "reports.update", body, "editor", headers);
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await revisions()).toHaveLength(before.length + 1);
    const bad = await s.call("mutation", "reports.update", body, "editor", { "idempotency-key": "x".repeat(256) });
    expect(bad.status).toBe(400);
    expect(bad.body!.error!.message).toContain("Idempotency-Key");
  });
});
