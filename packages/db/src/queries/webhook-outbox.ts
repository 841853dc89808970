/**
 * The webhook outbox and its deliveries.
 *
 * 1. A change writes its event in its own transaction (`queueWorkflowWebhookEvent`), so an event
 *    exists exactly when the change committed, and the request does nothing more.
 * 2. The worker fans each new event out to one delivery per matching subscription (unique per
 *    subscription and event, so two workers fanning out the same event make one delivery).
 * 3. It leases due deliveries with a conditional UPDATE (only an unleased or expired row is taken, on
 *    both dialects), sends them, and records the answer. A worker killed mid-send leaves a lease that
 *    expires; the delivery is then sent again, with the same event id.
 */
import { deadlineFor, type WebhookEvent, type WebhookEventType, WEBHOOK_EVENT_OF_STEP, type AgencyKind } from "@nianbao/core";
import { and, asc, eq, inArray, isNull, lt, lte, ne, notInArray, or, sql } from "drizzle-orm";
import type { Database, Tx } from "../client";
import { SYSTEM_AUDIT, type ReportStatus, type WorkflowAction } from "../domain";
import { recordAudit } from "./audit";
import { newId } from "./ids";
import { inSubtree } from "./organisations";

interface EventDetail {
  status: string;
  fromStatus: string | null;
  revision: number;
  comment: string | null;
  deadline: string | null;
}

export interface WorkflowWebhookStep {
  reportId: string;
  orgId: string;
  action: WorkflowAction;
  from: ReportStatus;
  to: ReportStatus;
  revision: number;
  comment: string | null;
  at: number;
}

/** The outbox write of a workflow step: call it inside the step's transaction. */
export async function queueWorkflowWebhookEvent({ q, t }: Tx, step: WorkflowWebhookStep): Promise<void> {
  const id = newId();
  const detail: EventDetail = { status: step.to, fromStatus: step.from, revision: step.revision, comment: step.comment, deadline: null };
  await q.insert(t.webhookEvents).values({
    id,
    type: WEBHOOK_EVENT_OF_STEP[step.action],
    sourceKey: id,
    reportId: step.reportId,
    orgId: step.orgId,
    detail: JSON.stringify(detail),
    occurredAt: step.at,
  });
}

/**
 * report.late for every unpublished report whose statutory deadline is before `today` (China's date),
 * once per report: the source key `late:<report id>` is unique. Returns how many were queued.
 */
export async function queueLateWebhookEvents(db: Database, today: string, now: number): Promise<number> {
  return db.write(async ({ q, t }) => {
    const alreadyLate = q.select({ id: t.webhookEvents.reportId }).from(t.webhookEvents).where(eq(t.webhookEvents.type, "report.late"));
    const candidates = await q
      .select({
        id: t.reports.id,
        orgId: t.reports.orgId,
        year: t.reports.year,
        kind: t.organisations.kind,
        status: t.reports.status,
        revision: t.reports.currentRevision,
      })
      .from(t.reports)
      .innerJoin(t.organisations, eq(t.organisations.id, t.reports.orgId))
      .where(
        and(isNull(t.reports.publishedRevision), lt(t.reports.year, Number(today.slice(0, 4))), notInArray(t.reports.id, alreadyLate)),
      );
    let queued = 0;
    for (const report of candidates) {
      const deadline = deadlineFor(report.year, report.kind as AgencyKind);
      if (today <= deadline) continue;
      const detail: EventDetail = { status: report.status, fromStatus: null, revision: report.revision, comment: null, deadline };
      const inserted = await q
        .insert(t.webhookEvents)
        .values({
          id: newId(),
          type: "report.late",
          sourceKey: `late:${report.id}`,
          reportId: report.id,
          orgId: report.orgId,
          detail: JSON.stringify(detail),
          occurredAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: t.webhookEvents.id });
      queued += inserted.length;
    }
    return queued;
  });
}

/** Fans out up to `limit` new events to deliveries; returns how many events it handled. */
export async function fanOutWebhookEvents(db: Database, now: number, limit = 100): Promise<number> {
  // An idle pass only reads: on SQLite a write transaction would queue behind (and hold up) requests.
  if (
    !(
      await db.read(({ q, t }) =>
        q.select({ id: t.webhookEvents.id }).from(t.webhookEvents).where(isNull(t.webhookEvents.fannedOutAt)).limit(1),
      )
    ).length
  )
    return 0;
  return db.write(async ({ q, t }) => {
    const events = await q
      .select()
      .from(t.webhookEvents)
      .where(isNull(t.webhookEvents.fannedOutAt))
      .orderBy(asc(t.webhookEvents.occurredAt))
      .limit(limit);
    if (!events.length) return 0;
    const subscriptions = await q
      .select({
        id: t.webhookSubscriptions.id,
        events: t.webhookSubscriptions.events,
        createdAt: t.webhookSubscriptions.createdAt,
        path: t.organisations.path,
      })
      .from(t.webhookSubscriptions)
      .innerJoin(t.organisations, eq(t.organisations.id, t.webhookSubscriptions.orgId));
    const reports = await q
      .select({ id: t.reports.id, year: t.reports.year, orgName: t.organisations.name, orgPath: t.organisations.path })
      .from(t.reports)
      .innerJoin(t.organisations, eq(t.organisations.id, t.reports.orgId))
      .where(inArray(t.reports.id, [...new Set(events.map((e) => e.reportId))]));
    const reportById = new Map(reports.map((r) => [r.id, r]));
    const wanted = subscriptions.map((s) => ({ ...s, events: new Set(JSON.parse(s.events) as string[]) }));
    for (const event of events) {
      const report = reportById.get(event.reportId);
      const detail = JSON.parse(event.detail) as EventDetail;
      const body: WebhookEvent | null = report
        ? {
            id: event.id,
            type: event.type as WebhookEventType,
            occurredAt: new Date(event.occurredAt).toISOString(),
            data: { reportId: event.reportId, orgId: event.orgId, orgName: report.orgName, year: report.year, ...detail },
          }
        : null;
      // A subscription hears of events from its subtree, of the types it chose, that happened after it was made.
      const targets = report
        ? wanted.filter((s) => s.events.has(event.type) && s.createdAt <= event.occurredAt && inSubtree(report.orgPath, s.path))
        : [];
      if (targets.length) {
        await q
          .insert(t.webhookDeliveries)
          .values(
            targets.map((s) => ({
              id: newId(),
              subscriptionId: s.id,
              eventId: event.id,
              status: "pending",
              attempts: 0,
              nextAttemptAt: now,
              createdAt: now,
            })),
          )
          .onConflictDoNothing();
      }
      await q
        .update(t.webhookEvents)
        .set({ body: body ? JSON.stringify(body) : null, fannedOutAt: now })
        .where(and(eq(t.webhookEvents.id, event.id), isNull(t.webhookEvents.fannedOutAt)));
    }
    return events.length;
  });
}

export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  url: string;
  secret: string;
  eventId: string;
  eventType: string;
  body: string;
  /** Attempts made before this one. */
  attempts: number;
}

/**
 * Leases up to `limit` due deliveries of active subscriptions to `owner` until `now + leaseMs`. The
 * UPDATE takes a row only while its lease is free, so of two workers racing for it one gets it.
 */
export async function claimWebhookDeliveries(
  db: Database,
  options: { owner: string; now: number; leaseMs: number; limit: number },
): Promise<ClaimedDelivery[]> {
  const { owner, now, leaseMs, limit } = options;
  const dueQuery = ({ q, t }: Tx) => {
    const d = t.webhookDeliveries;
    return q
      .select({ id: d.id })
      .from(d)
      .innerJoin(t.webhookSubscriptions, eq(t.webhookSubscriptions.id, d.subscriptionId))
      .where(
        and(
          eq(d.status, "pending"),
          lte(d.nextAttemptAt, now),
          or(isNull(d.leaseUntil), lt(d.leaseUntil, now)),
          eq(t.webhookSubscriptions.status, "active"),
        ),
      )
      .orderBy(asc(d.nextAttemptAt))
      .limit(limit);
  };
  if (limit < 1 || !(await db.read(async (tx) => (await dueQuery(tx)).length))) return [];
  return db.write(async (tx) => {
    const { q, t } = tx;
    const d = t.webhookDeliveries;
    const leaseFree = or(isNull(d.leaseUntil), lt(d.leaseUntil, now));
    const due = dueQuery(tx);
    const claimed = await q
      .update(d)
      .set({ leaseUntil: now + leaseMs, leaseOwner: owner })
      .where(and(inArray(d.id, due), eq(d.status, "pending"), leaseFree))
      .returning({ id: d.id });
    if (!claimed.length) return [];
    const rows = await q
      .select({
        id: d.id,
        subscriptionId: d.subscriptionId,
        url: t.webhookSubscriptions.url,
        secret: t.webhookSubscriptions.secret,
        eventId: d.eventId,
        eventType: t.webhookEvents.type,
        body: t.webhookEvents.body,
        attempts: d.attempts,
      })
      .from(d)
      .innerJoin(t.webhookSubscriptions, eq(t.webhookSubscriptions.id, d.subscriptionId))
      .innerJoin(t.webhookEvents, eq(t.webhookEvents.id, d.eventId))
      .where(
        and(
          inArray(
            d.id,
            claimed.map((c) => c.id),
          ),
          eq(d.leaseOwner, owner),
        ),
      );
    return rows.filter((row): row is ClaimedDelivery => row.body !== null);
  });
}

/** Gives back leases `owner` holds on deliveries it will not send after all. */
export async function releaseWebhookDeliveries(db: Database, ids: string[], owner: string): Promise<void> {
  if (!ids.length) return;
  await db.write(({ q, t }) =>
    q
      .update(t.webhookDeliveries)
      .set({ leaseUntil: null, leaseOwner: null })
      .where(and(inArray(t.webhookDeliveries.id, ids), eq(t.webhookDeliveries.leaseOwner, owner))),
  );
}

export interface AttemptOutcome {
  delivery: ClaimedDelivery;
  ok: boolean;
  responseStatus: number | null;
  responseExcerpt: string | null;
  durationMs: number;
  at: number;
  /** When to try again if it failed. */
  nextAttemptAt: number;
}

export interface PausePolicy {
  /** Pause after this many failures in a row … */
  maxConsecutiveFailures: number;
  /** … or after failing for this long without a success. */
  maxFailingMs: number;
}

/** How long the delivery log keeps an attempt. */
const ATTEMPT_LOG_MS = 30 * 86_400_000;

/**
 * Logs an attempt, settles the delivery (delivered, or due again at `nextAttemptAt`) and the
 * subscription's failure count, pausing it with an audit entry when it has failed too long.
 * Returns whether this attempt paused the subscription.
 */
export async function recordWebhookAttempt(db: Database, outcome: AttemptOutcome, policy: PausePolicy): Promise<{ paused: boolean }> {
  const { delivery, at } = outcome;
  return db.write(async (tx) => {
    const { q, t } = tx;
    const s = t.webhookSubscriptions;
    // Deleted while the request was out: nothing left to log it against.
    const [exists] = await q.select({ id: s.id }).from(s).where(eq(s.id, delivery.subscriptionId)).limit(1);
    if (!exists) return { paused: false };
    await q.insert(t.webhookAttempts).values({
      id: newId(),
      subscriptionId: delivery.subscriptionId,
      deliveryId: delivery.id,
      eventId: delivery.eventId,
      eventType: delivery.eventType,
      attempt: delivery.attempts + 1,
      at,
      responseStatus: outcome.responseStatus,
      responseExcerpt: outcome.responseExcerpt,
      durationMs: outcome.durationMs,
      ok: outcome.ok,
    });
    await q
      .update(t.webhookDeliveries)
      .set(
        outcome.ok
          ? { status: "delivered", deliveredAt: at, attempts: sql`${t.webhookDeliveries.attempts} + 1`, leaseUntil: null, leaseOwner: null }
          : {
              nextAttemptAt: outcome.nextAttemptAt,
              attempts: sql`${t.webhookDeliveries.attempts} + 1`,
              leaseUntil: null,
              leaseOwner: null,
            },
      )
      .where(and(eq(t.webhookDeliveries.id, delivery.id), eq(t.webhookDeliveries.status, "pending")));
    await q
      .delete(t.webhookAttempts)
      .where(and(eq(t.webhookAttempts.subscriptionId, delivery.subscriptionId), lt(t.webhookAttempts.at, at - ATTEMPT_LOG_MS)));
    if (outcome.ok) {
      await q.update(s).set({ consecutiveFailures: 0, failingSince: null, lastSuccessAt: at }).where(eq(s.id, delivery.subscriptionId));
      return { paused: false };
    }
    const [after] = await q
      .update(s)
      .set({
        consecutiveFailures: sql`${s.consecutiveFailures} + 1`,
        failingSince: sql`coalesce(${s.failingSince}, ${at})`,
        lastFailureAt: at,
      })
      .where(eq(s.id, delivery.subscriptionId))
      .returning({ failures: s.consecutiveFailures, failingSince: s.failingSince, status: s.status, orgId: s.orgId });
    if (!after || after.status !== "active") return { paused: false };
    const tooMany = after.failures >= policy.maxConsecutiveFailures;
    const tooLong = after.failingSince !== null && at - after.failingSince >= policy.maxFailingMs;
    if (!tooMany && !tooLong) return { paused: false };
    const paused = await q
      .update(s)
      .set({ status: "paused", pausedReason: "failing", updatedAt: at })
      .where(and(eq(s.id, delivery.subscriptionId), ne(s.status, "paused")))
      .returning({ id: s.id });
    if (!paused.length) return { paused: false };
    await recordAudit(
      tx,
      SYSTEM_AUDIT,
      {
        action: "webhook.paused",
        targetType: "webhook",
        targetId: delivery.subscriptionId,
        orgId: after.orgId,
        detail: {
          consecutiveFailures: after.failures,
          failingSince: after.failingSince,
          lastStatus: outcome.responseStatus,
          lastResponse: outcome.responseExcerpt,
        },
      },
      at,
    );
    return { paused: true };
  });
}
