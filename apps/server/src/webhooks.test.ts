/**
 * Webhooks from the real server process (src/main.ts) to a real receiver on loopback, across
 * `kill -9`: a change acknowledged to its client reaches the receiver after a restart, at least once
 * on the wire and exactly once after the receiver drops duplicates by event id; a receiver answering
 * 500 is retried with growing waits. On SQLite, and on PostgreSQL when NIANBAO_TEST_PG_URL is set.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer as createHttpServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import { join } from "node:path";
import { actorFromUser, createCaller, createContextInner, hashPassword } from "@nianbao/api";
import { verifyWebhookSignature, WEBHOOK_HEADERS, webhookEventSchema, type WebhookEvent } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import { createOrganisation, createUser, type Database, SYSTEM_AUDIT } from "@nianbao/db";
import { createTestDb, TEST_DIALECTS, type TestDb } from "@nianbao/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./test-support/listen";

const SERVER_DIR = join(import.meta.dirname, "..");
const PASSWORD = "webhook-test-password-1";
const FAST = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
const RETRY_BASE_MS = 300;
/** Short, so the test need not wait a minute for a dead server's lease; longer than the request timeout. */
const LEASE_MS = 6_000;

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A receiver that can hold a request unanswered (its sender dies waiting) or answer with a chosen status. */
async function startReceiver() {
  const deliveries: Delivery[] = [];
  const held: ServerResponse[] = [];
  const state = { holdNext: false, failuresLeft: 0 };
  let notify = () => {};
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      notify();
      if (state.holdNext) {
        state.holdNext = false;
        held.push(res);
      } else if (state.failuresLeft > 0) {
        state.failuresLeft -= 1;
        res.writeHead(500).end("temporarily unavailable");
      } else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    deliveries,
    state,
    /** Resolves when `predicate` holds for what has arrived. */
    until: (predicate: (d: Delivery[]) => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => predicate(deliveries) && resolve();
        const previous = notify;
        notify = () => {
          previous();
          check();
        };
        check();
      }),
    close: () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Running {
  child: ChildProcess;
  base: string;
  output: () => string;
}

async function startServer(databaseUrl: string): Promise<Running> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      NIANBAO_SEED_DEMO: "false",
      LOG_LEVEL: "warn",
      NIANBAO_WEBHOOK_POLL_MS: "100",
      NIANBAO_WEBHOOK_RETRY_BASE_MS: String(RETRY_BASE_MS),
      NIANBAO_WEBHOOK_TIMEOUT_MS: "5000",
      NIANBAO_WEBHOOK_LEASE_MS: String(LEASE_MS),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, base, output: () => output };
}

async function kill(running: Running, signal: NodeJS.Signals): Promise<number | null> {
  // A process ended by a signal has no exit code, only a signal code.
  if (running.child.exitCode !== null || running.child.signalCode !== null) return running.child.exitCode;
  const exited = new Promise<number | null>((resolve) => running.child.once("exit", (code) => resolve(code)));
  running.child.kill(signal);
  return exited;
}

async function login(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(response.status, `login ${username}`).toBe(200);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

async function call<T>(base: string, cookie: string, kind: "query" | "mutation", path: string, input: unknown): Promise<T> {
  const response =
    kind === "query"
      ? await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } })
      : await fetch(`${base}/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie, origin: base },
          body: JSON.stringify(input),
        });
  const text = await response.text();
  expect(response.status, `${path}: ${text}`).toBe(200);
  return (JSON.parse(text) as { result: { data: T } }).result.data;
}

/** A district with its admin, a department with its team, and the department's 2024 report submitted. */
async function seed(db: Database) {
  const district = await createOrganisation(db, { parentId: null, name: "示范区人民政府", kind: "government" }, SYSTEM_AUDIT);
  const dept = await createOrganisation(db, { parentId: district.id, name: "示范区统计局", kind: "department" }, SYSTEM_AUDIT);
  const passwordHash = await hashPassword(PASSWORD, FAST);
  await createUser(db, { orgId: district.id, username: "admin", displayName: "政务公开办公室", role: "admin", passwordHash }, SYSTEM_AUDIT);
  const editor = await createUser(
    db,
    { orgId: dept.id, username: "editor", displayName: "统计局办公室", role: "editor", passwordHash },
    SYSTEM_AUDIT,
  );
  await createUser(db, { orgId: dept.id, username: "reviewer", displayName: "分管副局长", role: "reviewer", passwordHash }, SYSTEM_AUDIT);
  await createUser(db, { orgId: dept.id, username: "signer", displayName: "局长", role: "signer", passwordHash }, SYSTEM_AUDIT);
  const caller = createCaller(createContextInner({ db, actor: actorFromUser(editor, null) }));
  const { report } = await caller.reports.create({ orgId: dept.id, year: 2024 });
  const document = { ...sampleReport({ seed: 7, year: 2024, agencyName: dept.name, agencyKind: "department" }), publishedAt: null };
  await caller.reports.update({ id: report.id, baseRevision: 1, document });
  for (const f of (await caller.reports.validate({ id: report.id })).findings.filter((x) => x.severity === "warning")) {
    await caller.reports.explain({
      id: report.id,
      finding: { ruleId: f.ruleId, cells: f.cells, ...(f.path ? { path: f.path } : {}) },
      text: "经核实无误",
    });
  }
  await caller.reports.submit({ id: report.id, revision: 2 });
  return { districtId: district.id, reportId: report.id };
}

/** What a receiver keeps: deliveries whose signature verifies, one per event id. */
async function verifiedUnique(deliveries: Delivery[], secret: string): Promise<Map<string, WebhookEvent>> {
  const events = new Map<string, WebhookEvent>();
  for (const d of deliveries) {
    const verified = await verifyWebhookSignature({
      secret,
      header: d.headers[WEBHOOK_HEADERS.signature.toLowerCase()] as string,
      body: d.body,
    });
    if (!verified.ok) continue;
    const event = webhookEventSchema.parse(JSON.parse(d.body));
    expect(d.headers[WEBHOOK_HEADERS.eventId.toLowerCase()]).toBe(event.id);
    events.set(event.id, event);
  }
  return events;
}

describe.each(TEST_DIALECTS)("webhooks from the server process on $dialect", ({ dialect, enabled }) => {
  let test: TestDb;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let failing: Awaited<ReturnType<typeof startReceiver>>;
  const servers: Running[] = [];

  beforeAll(async () => {
    if (!enabled) return;
    test = await createTestDb(dialect);
    receiver = await startReceiver();
    failing = await startReceiver();
  });

  afterAll(async () => {
    for (const running of servers) await kill(running, "SIGKILL");
    await receiver?.close();
    await failing?.close();
    await test?.drop();
  });

  it.skipIf(!enabled)(
    "delivers every acknowledged step exactly once per event id across kill -9, and retries a failing receiver with growing waits",
    async () => {
      const { districtId, reportId } = await seed(test.db);
      const first = await startServer(test.url);
      servers.push(first);
      const admin = await login(first.base, "admin");
      const { secret } = await call<{ secret: string }>(first.base, admin, "mutation", "webhooks.create", {
        orgId: districtId,
        url: receiver.url,
        events: ["report.submitted", "report.reviewed", "report.signed"],
      });

      // 1. The receiver takes the review's delivery but never answers: the server dies waiting.
      receiver.state.holdNext = true;
      const reviewer = await login(first.base, "reviewer");
      await call(first.base, reviewer, "mutation", "reports.review", { id: reportId, revision: 2 });
      await receiver.until((d) => d.length === 1);
      expect(await kill(first, "SIGKILL")).toBeNull();

      // 2. After a restart the review goes out again once its lease has run out; then a step acknowledged
      //    to the signer, with the server killed at once, whether or not its delivery had left.
      const second = await startServer(test.url);
      servers.push(second);
      await receiver.until((d) => d.length >= 2);
      const signer = await login(second.base, "signer");
      await call(second.base, signer, "mutation", "reports.sign", { id: reportId, revision: 2 });
      await kill(second, "SIGKILL");

      // 3. A third start delivers whatever is left.
      const third = await startServer(test.url);
      servers.push(third);
      await receiver.until((d) => d.some((x) => x.body.includes('"report.signed"')));
      const events = await verifiedUnique(receiver.deliveries, secret);
      expect([...events.values()].map((e) => e.type).sort()).toEqual(["report.reviewed", "report.signed"]);
      const reviewed = [...events.values()].find((e) => e.type === "report.reviewed")!;
      expect(reviewed.data).toMatchObject({ reportId, status: "reviewed", fromStatus: "submitted", revision: 2 });
      // At least once on the wire: the held review was sent again under the same event id.
      expect(receiver.deliveries.filter((d) => d.body.includes(reviewed.id)).length).toBeGreaterThanOrEqual(2);
      // The submission happened before the subscription existed: never sent.
      expect(receiver.deliveries.some((d) => d.body.includes('"report.submitted"'))).toBe(false);

      // 4. A receiver that answers 500 three times: retried with growing waits, then acknowledged.
      const adminOnThird = await login(third.base, "admin");
      const hook = await call<{ secret: string; subscription: { id: string } }>(third.base, adminOnThird, "mutation", "webhooks.create", {
        orgId: districtId,
        url: failing.url,
        events: ["report.published"],
      });
      failing.state.failuresLeft = 3;
      await call(third.base, adminOnThird, "mutation", "reports.publish", { id: reportId, revision: 2 });
      await failing.until((d) => d.length >= 4);
      const gaps = failing.deliveries.slice(1, 4).map((d, i) => d.at - failing.deliveries[i]!.at);
      // Retry n waits at least half of base·2^(n-1) (the fixed half of its jittered step): 150, 300, 600 ms.
      gaps.forEach((gap, i) => expect(gap, `wait before retry ${i + 1}`).toBeGreaterThanOrEqual((RETRY_BASE_MS * 2 ** i) / 2));
      expect(new Set(failing.deliveries.map((d) => d.headers[WEBHOOK_HEADERS.eventId.toLowerCase()])).size).toBe(1);
      expect((await verifiedUnique(failing.deliveries, hook.secret)).size).toBe(1);
      const log = await pollUntil(
        () =>
          call<{ attempt: number; responseStatus: number | null; ok: boolean }[]>(
            third.base,
            adminOnThird,
            "query",
            "webhooks.deliveries",
            { id: hook.subscription.id },
          ),
        (attempts) => attempts.some((a) => a.ok),
      );
      expect(log.map((a) => [a.attempt, a.responseStatus, a.ok]).reverse()).toEqual([
        [1, 500, false],
        [2, 500, false],
        [3, 500, false],
        [4, 204, true],
      ]);

      // A graceful stop waits for the worker and exits cleanly.
      expect(await kill(third, "SIGTERM")).toBe(0);
    },
    240_000,
  ); // three server starts and a lease to run out, on a loaded machine
});

/** Calls `read` until `done` holds (the worker records an answer just after the receiver has it). */
async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
