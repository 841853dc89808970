/**
 * Webhooks end to end in one process: the router registers, the workflow writes the outbox, worker
 * passes (with their own clock) send to a real HTTP receiver on loopback. The server suite
 * (apps/server/src/webhooks.test.ts) does the same across a kill -9 of a real server process.
 */
import { verifyWebhookSignature, WEBHOOK_HEADERS, webhookEventSchema } from "@nianbao/core";
import { claimWebhookDeliveries, type Database } from "@nianbao/db";
import { createTestDb, TEST_DIALECTS, type TestDb } from "@nianbao/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Logger } from "../context";
import { DEFAULT_WEBHOOK_SETTINGS, runWebhookPass, type WebhookSettings, webhookRetryDelay } from "./webhooks-delivery";
import { createWorld, errorOf, publishReport, TEST_NOW } from "../test-support/world";
import { type Receiver, startReceiver } from "../test-support/webhook-receiver";

const silent: Logger = { info() {}, warn() {}, error() {}, child: () => silent };
const SETTINGS: WebhookSettings = {
  ...DEFAULT_WEBHOOK_SETTINGS,
  retryBaseMs: 1_000,
  retryMaxMs: 8_000,
  leaseMs: 20_000,
  maxConsecutiveFailures: 3,
};

const pass = (db: Database, now: number, options: { owner?: string; scanLate?: boolean; settings?: WebhookSettings } = {}) =>
  runWebhookPass({
    db,
    settings: options.settings ?? SETTINGS,
    owner: options.owner ?? "test-worker",
    now: () => now,
    logger: silent,
    scanLate: options.scanLate ?? false,
  });

const header = (r: Receiver, i: number, name: string) => r.received[i]!.headers[name.toLowerCase()] as string | undefined;

describe("webhookRetryDelay", () => {
  it("doubles from the base, stays within its jitter band, never shrinks below the cap, and stops at the cap", () => {
    const settings = { retryBaseMs: 1_000, retryMaxMs: 60_000 };
    expect([1, 2, 3, 4].map((n) => webhookRetryDelay(n, settings, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((n) => webhookRetryDelay(n, settings, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
    // Below the cap the longest wait of one retry is the shortest of the next: with any jitter, waits grow.
    for (let n = 1; settings.retryBaseMs * 2 ** n <= settings.retryMaxMs; n += 1)
      expect(webhookRetryDelay(n + 1, settings, () => 0)).toBeGreaterThanOrEqual(webhookRetryDelay(n, settings, () => 1));
    expect(webhookRetryDelay(40, settings, () => 1)).toBe(60_000);
  });
});

describe.each(TEST_DIALECTS)("webhooks on $dialect", ({ dialect, enabled }) => {
  let test: TestDb;
  let receiver: Receiver;
  beforeAll(async () => {
    if (enabled) test = await createTestDb(dialect);
  });
  afterAll(async () => test?.drop());
  afterEach(async () => receiver?.close());

  it.skipIf(!enabled)("sends each chosen step of the subtree's reports once, signed, and shows the secret only at creation", async () => {
    const world = await createWorld(test.db);
    receiver = await startReceiver();
    const admin = world.call(world.districtAdmin);
    const { secret, subscription } = await admin.webhooks.create({
      orgId: world.district.id,
      url: receiver.url,
      events: ["report.submitted", "report.reviewed"],
    });
    expect(secret).toMatch(/^whsec_/);
    // Department B's subscription must hear nothing of department A.
    await world.call(world.inB.admin).webhooks.create({ orgId: world.b.id, url: receiver.url });
    const listed = await admin.webhooks.list({ orgId: world.district.id });
    expect(listed.map((s) => s.id)).toContain(subscription.id);
    expect(JSON.stringify(listed)).not.toContain(secret);

    const reportId = await publishReport(world, "a", 2023);
    const result = await pass(test.db, Date.now());
    expect(result).toMatchObject({ sent: 2, failed: 0 });
    expect(receiver.received).toHaveLength(2);

    const types: string[] = [];
    for (const [i, got] of receiver.received.entries()) {
      const verified = await verifyWebhookSignature({ secret, header: header(receiver, i, WEBHOOK_HEADERS.signature), body: got.body });
      expect(verified.ok).toBe(true);
      const event = webhookEventSchema.parse(JSON.parse(got.body));
      expect(header(receiver, i, WEBHOOK_HEADERS.eventId)).toBe(event.id);
      expect(event.data).toMatchObject({ reportId, orgId: world.a.id, orgName: world.a.name, year: 2023 });
      types.push(event.type);
    }
    expect(types.sort()).toEqual(["report.reviewed", "report.submitted"]);
    // A body changed in transit, or signed with another secret, does not verify.
    const tampered = receiver.received[0]!.body.replace("2023", "2022");
    expect(await verifyWebhookSignature({ secret, header: header(receiver, 0, WEBHOOK_HEADERS.signature), body: tampered })).toEqual({
      ok: false,
      reason: "mismatch",
    });

    const log = await admin.webhooks.deliveries({ id: subscription.id });
    expect(log.map((a) => [a.ok, a.responseStatus, a.attempt])).toEqual([
      [true, 200, 1],
      [true, 200, 1],
    ]);
    expect(await pass(test.db, Date.now() + 60_000)).toMatchObject({ sent: 0, failed: 0 });
    expect(receiver.received).toHaveLength(2);
  });

  it.skipIf(!enabled)(
    "retries a failing receiver with growing waits, pauses it and tells the admin, and sends the backlog on resume",
    async () => {
      const world = await createWorld(test.db);
      receiver = await startReceiver();
      receiver.status = 500;
      const admin = world.call(world.districtAdmin);
      const { subscription } = await admin.webhooks.create({ orgId: world.a.id, url: receiver.url, events: ["report.published"] });
      await publishReport(world, "a", 2022);

      let now = Date.now();
      expect(await pass(test.db, now)).toMatchObject({ failed: 1 });
      for (let failures = 1; failures < SETTINGS.maxConsecutiveFailures; failures += 1) {
        const shortest = webhookRetryDelay(failures, SETTINGS, () => 0);
        const longest = webhookRetryDelay(failures, SETTINGS, () => 1);
        // Not before the shortest wait of this retry …
        expect(await pass(test.db, now + shortest - 1)).toMatchObject({ sent: 0, failed: 0 });
        // … and certainly after the longest (plus the attempt's own duration, a few ms here).
        now += longest + 1_000;
        expect(await pass(test.db, now)).toMatchObject({ failed: 1 });
      }
      expect(receiver.received).toHaveLength(SETTINGS.maxConsecutiveFailures);
      expect(new Set(receiver.received.map((r) => r.headers["nianbao-event-id"])).size).toBe(1);

      const [paused] = (await admin.webhooks.list({ orgId: world.a.id })).filter((s) => s.id === subscription.id);
      expect(paused).toMatchObject({ status: "paused", pausedReason: "failing", consecutiveFailures: 3, pendingDeliveries: 1 });
      const audit = await admin.audit.list({ orgId: world.a.id, action: "webhook.paused" });
      expect(audit.map((e) => e.targetId)).toContain(subscription.id);
      const log = await admin.webhooks.deliveries({ id: subscription.id });
      expect(log[0]).toMatchObject({ ok: false, responseStatus: 500, attempt: 3, responseExcerpt: "receiver is down for maintenance" });

      // Paused: nothing goes out, however late it gets.
      expect(await pass(test.db, now + 10 * 60_000)).toMatchObject({ sent: 0, failed: 0 });
      receiver.status = 200;
      const resumed = await admin.webhooks.resume({ id: subscription.id });
      expect(resumed).toMatchObject({ status: "active", consecutiveFailures: 0 });
      expect(await pass(test.db, Date.now() + 1)).toMatchObject({ sent: 1 });
      expect((await admin.webhooks.list({ orgId: world.a.id })).find((s) => s.id === subscription.id)).toMatchObject({
        pendingDeliveries: 0,
        consecutiveFailures: 0,
      });
    },
  );

  it.skipIf(!enabled)(
    "sends a delivery whose worker died again once its lease has run out, and two racing workers send it once",
    async () => {
      const world = await createWorld(test.db);
      receiver = await startReceiver();
      const admin = world.call(world.districtAdmin);
      await admin.webhooks.create({ orgId: world.a.id, url: receiver.url, events: ["report.submitted", "report.signed"] });
      await publishReport(world, "a", 2021);
      const now = Date.now();
      // A worker fans out and leases both deliveries, then dies before sending.
      await pass(test.db, now, { owner: "dead-worker", settings: { ...SETTINGS, concurrency: 0 } });
      const leased = await claimWebhookDeliveries(test.db, { owner: "dead-worker", now, leaseMs: SETTINGS.leaseMs, limit: 10 });
      expect(leased).toHaveLength(2);
      expect(await pass(test.db, now + SETTINGS.leaseMs - 1)).toMatchObject({ sent: 0 });
      // Two workers after the lease: each delivery goes out exactly once between them.
      const [first, second] = await Promise.all([
        pass(test.db, now + SETTINGS.leaseMs + 1, { owner: "worker-1" }),
        pass(test.db, now + SETTINGS.leaseMs + 1, { owner: "worker-2" }),
      ]);
      expect(first.sent + second.sent).toBe(2);
      expect(receiver.received).toHaveLength(2);
      expect(new Set(receiver.received.map((r) => r.headers["nianbao-event-id"])).size).toBe(2);
    },
  );

  it.skipIf(!enabled)("gives back what a stopping worker had leased but not sent, for the next worker at once", async () => {
    const world = await createWorld(test.db);
    receiver = await startReceiver();
    await world.call(world.districtAdmin).webhooks.create({ orgId: world.a.id, url: receiver.url, events: ["report.reviewed"] });
    await publishReport(world, "a", 2024);
    const now = Date.now();
    const stopping = new AbortController();
    stopping.abort();
    const stopped = await runWebhookPass({
      db: test.db,
      settings: SETTINGS,
      owner: "stopping",
      now: () => now,
      logger: silent,
      scanLate: false,
      signal: stopping.signal,
    });
    expect(stopped).toMatchObject({ sent: 0, failed: 0 });
    expect(await pass(test.db, now, { owner: "next" })).toMatchObject({ sent: 1 });
    expect(receiver.received).toHaveLength(1);
  });

  it.skipIf(!enabled)("says once that an unpublished report is past its statutory deadline", async () => {
    const world = await createWorld(test.db);
    receiver = await startReceiver();
    const admin = world.call(world.districtAdmin);
    await admin.webhooks.create({ orgId: world.district.id, url: receiver.url, events: ["report.late"] });
    // Department B's 2023 report (due 2024-01-31) is still a draft on TEST_NOW; A's is published.
    const { report } = await world.call(world.inB.editor).reports.create({ orgId: world.b.id, year: 2023 });
    await publishReport(world, "a", 2023);
    // 2024 reports are not yet due (2025-01-31).
    await world.call(world.inB.editor).reports.create({ orgId: world.b.id, year: 2024 });

    expect(await pass(test.db, TEST_NOW, { scanLate: true })).toMatchObject({ late: 1, sent: 1 });
    expect(await pass(test.db, TEST_NOW + 86_400_000, { scanLate: true })).toMatchObject({ late: 0, sent: 0 });
    expect(receiver.received).toHaveLength(1);
    const event = webhookEventSchema.parse(JSON.parse(receiver.received[0]!.body));
    expect(event).toMatchObject({
      type: "report.late",
      data: { reportId: report.id, orgId: world.b.id, year: 2023, deadline: "2024-01-31", status: "draft", fromStatus: null },
    });
  });

  it.skipIf(!enabled)("refuses plain http to another host and unknown events, and a department admin's hook on the district", async () => {
    const world = await createWorld(test.db);
    const admin = world.call(world.districtAdmin);
    expect((await errorOf(admin.webhooks.create({ orgId: world.a.id, url: "http://oa.example.gov.cn/hook" })))?.code).toBe("BAD_REQUEST");
    expect(
      (
        await errorOf(
          admin.webhooks.create({ orgId: world.a.id, url: "https://oa.example.gov.cn/hook", events: ["report.deleted" as "report.late"] }),
        )
      )?.code,
    ).toBe("BAD_REQUEST");
    expect(
      (await errorOf(world.call(world.inA.admin).webhooks.create({ orgId: world.district.id, url: "https://oa.example.gov.cn/hook" })))
        ?.code,
    ).toBe("FORBIDDEN");
    const { subscription } = await admin.webhooks.create({ orgId: world.a.id, url: "https://oa.example.gov.cn/hook" });
    const updated = await admin.webhooks.update({
      id: subscription.id,
      events: ["report.published"],
      url: "https://oa.example.gov.cn/v2/hook",
    });
    expect(updated).toMatchObject({ events: ["report.published"], url: "https://oa.example.gov.cn/v2/hook" });
    expect(await admin.webhooks.pause({ id: subscription.id })).toMatchObject({ status: "paused", pausedReason: "admin" });
    await admin.webhooks.delete({ id: subscription.id });
    expect((await errorOf(admin.webhooks.deliveries({ id: subscription.id })))?.code).toBe("NOT_FOUND");
  });
});
