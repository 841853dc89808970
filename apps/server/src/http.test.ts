/**
 * The real server on a random port: sign in with the cookie, run a report from draft to published
 * over plain HTTP (the way a Java or Python client would), read it back as open data, and check the
 * safety edges (bad input, oversized bodies, headers, CORS, tokens, sign-in throttling).
 */
import type { ReportDocument } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import { TEST_DIALECTS } from "@nianbao/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, startServer, type TestServer } from "./test-support/server";

describe.each(TEST_DIALECTS)("HTTP server on $dialect", ({ dialect, enabled }) => {
  let s: TestServer;
  let base: string;
  let deptId: string;
  let cookies: Map<string, string>;

  beforeAll(async () => {
    if (!enabled) return;
    s = await startServer(dialect, { bodyLimit: 256 * 1024 });
    ({ base, deptId, cookies } = s);
  });
  afterAll(async () => {
    await s?.close();
  });

  /** Every answer here is JSON: a body that is not fails the test where it came. */
  async function call(...args: Parameters<TestServer["call"]>) {
    const reply = await s.call(...args);
    if (!reply.body) throw new Error(`${args[1]} answered ${reply.status} without JSON: ${reply.text}`);
    return { ...reply, body: reply.body };
  }

  async function login(username: string) {
    const response = await call("mutation", "auth.login", { username, password: PASSWORD });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/nianbao_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    cookies.set(username, setCookie.split(";")[0]!);
  }

  it.skipIf(!enabled)("runs a report from draft to published over HTTP and serves it as open data", async () => {
    for (const user of ["admin", "editor", "reviewer", "signer"]) await login(user);
    const me = await call("query", "auth.me", undefined, "editor");
    expect(me.body.result?.data).toMatchObject({ role: "editor", org: { id: deptId } });

    const created = await call("mutation", "reports.create", { orgId: deptId, year: 2024 }, "editor");
    expect(created.status).toBe(200);
    const id = (created.body.result!.data as { report: { id: string } }).report.id;
    const document: ReportDocument = { ...sampleReport({ seed: 7, year: 2024, agencyName: "示范区科学技术局" }), publishedAt: null };
    const saved = await call("mutation", "reports.update", { id, baseRevision: 1, document }, "editor");
    expect(saved.status).toBe(200);
    const findings = (await call("query", "reports.validate", { id }, "editor")).body.result!.data as {
      findings: { ruleId: string; severity: string; cells: string[]; path?: string }[];
    };
    for (const f of findings.findings.filter((x) => x.severity === "warning")) {
      await call(
        "mutation",
        "reports.explain",
        { id, finding: { ruleId: f.ruleId, cells: f.cells, path: f.path }, text: "已核实" },
        "editor",
      );
    }
    expect((await call("mutation", "reports.submit", { id, revision: 2 }, "editor")).status).toBe(200);
    expect((await call("mutation", "reports.review", { id, revision: 2, comment: "同意" }, "reviewer")).status).toBe(200);
    expect((await call("mutation", "reports.sign", { id, revision: 2 }, "signer")).status).toBe(200);
    // The signer may not publish; the disclosure office does.
    expect((await call("mutation", "reports.publish", { id, revision: 2 }, "signer")).status).toBe(403);
    const published = await call("mutation", "reports.publish", { id, revision: 2, publishedOn: "2025-01-20" }, "admin");
    expect(published.status).toBe(200);
    expect(published.body.result?.data).toMatchObject({ status: "published", publishedRevision: 3 });

    const list = (await (await fetch(`${base}/open/reports?year=2024`)).json()) as { id: string }[];
    expect(list.map((r) => r.id)).toContain(id);
    const json = await fetch(`${base}/open/reports/${id}.json`);
    expect(json.status).toBe(200);
    const openDoc = (await json.json()) as ReportDocument;
    expect(openDoc.tables).toEqual(document.tables);
    expect(openDoc.publishedAt).toBe("2025-01-20");
    const csv = await fetch(`${base}/open/reports/${id}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text).toContain("applications.newReceived.natural");
    expect(text).toContain(String(document.tables.applications.newReceived.natural));
    // An unpublished report is not open data.
    const draft = await call("mutation", "reports.create", { orgId: deptId, year: 2025 }, "editor");
    const draftId = (draft.body.result!.data as { report: { id: string } }).report.id;
    expect((await fetch(`${base}/open/reports/${draftId}.json`)).status).toBe(404);
  });

  it.skipIf(!enabled)("answers malformed input with 400 naming the cell, never a stack trace", async () => {
    const created = await call("mutation", "reports.create", { orgId: deptId, year: 2023 }, "editor");
    const id = (created.body.result!.data as { report: { id: string } }).report.id;
    const document = sampleReport({ seed: 8, year: 2023, agencyName: "示范区科学技术局" }) as unknown as {
      tables: { applications: { newReceived: Record<string, unknown> } };
    };
    document.tables.applications.newReceived.natural = "十二";
    const bad = await call("mutation", "reports.update", { id, baseRevision: 1, document }, "editor");
    expect(bad.status).toBe(400);
    const fieldErrors = bad.body.error!.data.fieldErrors as { path: string; cell?: string; message: string }[];
    expect(fieldErrors).toContainEqual(expect.objectContaining({ cell: "applications.newReceived.natural" }));
    expect(bad.body.error!.message).toContain("本年新收");
    expect(JSON.stringify(bad.body)).not.toMatch(/stack|at .*\.ts:\d+/);
    const findings = bad.body.error!.data.findings as { cells: string[] }[];
    expect(findings.some((f) => f.cells.includes("applications.newReceived.natural"))).toBe(true);
    // Nothing saved was lost.
    const current = await call("query", "reports.get", { id }, "editor");
    expect((current.body.result!.data as { report: { currentRevision: number } }).report.currentRevision).toBe(1);

    const stale = await call(
      "mutation",
      "reports.update",
      { id, baseRevision: 7, document: sampleReport({ seed: 8, year: 2023 }) },
      "editor",
    );
    expect(stale.status).toBe(409);
    const garbage = await fetch(`${base}/trpc/reports.update`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookies.get("editor")! },
      body: "{not json",
    });
    expect(garbage.status).toBe(400);
  });

  it.skipIf(!enabled)("refuses bodies past the limit with 413, sets security headers and no CORS", async () => {
    const big = await fetch(`${base}/trpc/reports.import`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookies.get("editor")! },
      body: JSON.stringify({ orgId: deptId, data: "A".repeat(300 * 1024) }),
    });
    expect(big.status).toBe(413);
    const health = await fetch(`${base}/healthz`, { headers: { origin: "https://evil.example" } });
    expect(await health.json()).toEqual({ ok: true, database: dialect });
    expect(health.headers.get("x-content-type-options")).toBe("nosniff");
    expect(health.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(health.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(health.headers.get("access-control-allow-origin")).toBeNull();
    expect(health.headers.get("x-request-id")).toBeTruthy();
  });

  it.skipIf(!enabled)("accepts a scoped API token as Bearer and forgets it once revoked", async () => {
    const created = await call("mutation", "tokens.create", { orgId: deptId, name: "统计系统", role: "viewer" }, "admin");
    const { token, info } = created.body.result!.data as { token: string; info: { id: string } };
    const bearer = { authorization: `Bearer ${token}` };
    const list = await call("query", "reports.list", { orgId: deptId }, undefined, bearer);
    expect(list.status).toBe(200);
    expect((await call("mutation", "reports.create", { orgId: deptId, year: 2020 }, undefined, bearer)).status).toBe(403);
    const tokens = await call("query", "tokens.list", {}, "admin");
    expect(JSON.stringify(tokens.body)).not.toContain(token);
    await call("mutation", "tokens.revoke", { id: info.id }, "admin");
    expect((await call("query", "reports.list", { orgId: deptId }, undefined, bearer)).status).toBe(401);
  });

  it.skipIf(!enabled)(
    "answers a query without input as one with {}: optional fields take their defaults, required ones are named",
    async () => {
      const bare = await fetch(`${base}/trpc/orgs.tree`, { headers: { cookie: cookies.get("admin")! } });
      expect(bare.status).toBe(200);
      const tree = ((await bare.json()) as { result: { data: { name: string } } }).result.data;
      expect(tree.name).toBe("示范区人民政府");
      const list = await fetch(`${base}/trpc/reports.list`, { headers: { cookie: cookies.get("admin")! } });
      expect(list.status).toBe(200);
      // reports.get needs an id: the answer names it rather than refusing the missing input as a whole.
      const get = await fetch(`${base}/trpc/reports.get`, { headers: { cookie: cookies.get("admin")! } });
      expect(get.status).toBe(400);
      expect(JSON.stringify(await get.json())).toContain('"id"');
    },
  );

  it.skipIf(!enabled)("makes an account wait after repeated wrong passwords from one address", async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await call("mutation", "auth.login", { username: "signer", password: "wrong-password" }));
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 429, 429]);
    // A wait, not a lock: the answer says how long (the test's clock stands still, so it stays due).
    expect(answers[4]!.body.error!.data.retryAfterSeconds).toBe(1);
    expect((await call("mutation", "auth.login", { username: "signer", password: PASSWORD })).status).toBe(429);
    const logout = await call("mutation", "auth.logout", undefined, "reviewer");
    expect(logout.status).toBe(200);
    expect((await call("query", "auth.me", undefined, "reviewer")).status).toBe(401);
  });
});
