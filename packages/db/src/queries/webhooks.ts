/**
 * Webhook subscriptions: registered by an admin for a subtree, paused by hand or after failing too
 * long, with their delivery log. Sending lives in ./webhook-outbox.ts.
 */
import type { WebhookEventType } from "@nianbao/core";
import { and, count, desc, eq } from "drizzle-orm";
import type { Database, Tx } from "../client";
import type { AuditContext } from "../domain";
import { DomainError } from "../errors";
import { recordAudit } from "./audit";
import { newId } from "./ids";
import { orgInSubtree } from "./scope";

export type WebhookStatus = "active" | "paused";
/** admin: paused by hand; failing: paused by the worker after too many failed deliveries. */
export type WebhookPausedReason = "admin" | "failing";

export interface WebhookSubscription {
  id: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  status: WebhookStatus;
  pausedReason: WebhookPausedReason | null;
  consecutiveFailures: number;
  failingSince: number | null;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
  /** Deliveries not yet acknowledged. */
  pending: number;
  createdAt: number;
  updatedAt: number;
}

const columns = (t: Tx["t"]) => ({
  id: t.webhookSubscriptions.id,
  orgId: t.webhookSubscriptions.orgId,
  orgName: t.organisations.name,
  orgPath: t.organisations.path,
  url: t.webhookSubscriptions.url,
  events: t.webhookSubscriptions.events,
  description: t.webhookSubscriptions.description,
  status: t.webhookSubscriptions.status,
  pausedReason: t.webhookSubscriptions.pausedReason,
  consecutiveFailures: t.webhookSubscriptions.consecutiveFailures,
  failingSince: t.webhookSubscriptions.failingSince,
  lastSuccessAt: t.webhookSubscriptions.lastSuccessAt,
  lastFailureAt: t.webhookSubscriptions.lastFailureAt,
  createdAt: t.webhookSubscriptions.createdAt,
  updatedAt: t.webhookSubscriptions.updatedAt,
});

type Row = Omit<WebhookSubscription, "events" | "status" | "pausedReason" | "pending"> & {
  events: string;
  status: string;
  pausedReason: string | null;
};

async function withPending({ q, t }: Tx, rows: Row[]): Promise<WebhookSubscription[]> {
  const counts = await q
    .select({ subscriptionId: t.webhookDeliveries.subscriptionId, pending: count() })
    .from(t.webhookDeliveries)
    .where(eq(t.webhookDeliveries.status, "pending"))
    .groupBy(t.webhookDeliveries.subscriptionId);
  const pending = new Map(counts.map((c) => [c.subscriptionId, Number(c.pending)]));
  return rows.map((row) => ({
    ...row,
    events: JSON.parse(row.events) as WebhookEventType[],
    status: row.status as WebhookStatus,
    pausedReason: row.pausedReason as WebhookPausedReason | null,
    pending: pending.get(row.id) ?? 0,
  }));
}

async function findSubscription(tx: Tx, id: string): Promise<WebhookSubscription | null> {
  const { q, t } = tx;
  const rows = await q
    .select(columns(t))
    .from(t.webhookSubscriptions)
    .innerJoin(t.organisations, eq(t.organisations.id, t.webhookSubscriptions.orgId))
    .where(eq(t.webhookSubscriptions.id, id))
    .limit(1);
  return rows[0] ? (await withPending(tx, rows))[0]! : null;
}

async function mustFind(tx: Tx, id: string): Promise<WebhookSubscription> {
  const found = await findSubscription(tx, id);
  if (!found) throw new DomainError("NOT_FOUND", "webhook.notFound", { id });
  return found;
}

export function getWebhookSubscription(db: Database, id: string): Promise<WebhookSubscription> {
  return db.read((tx) => mustFind(tx, id));
}

/** The subscriptions of organisations in the subtree at `scopePath`. */
export function listWebhookSubscriptions(db: Database, scopePath: string): Promise<WebhookSubscription[]> {
  return db.read(async (tx) => {
    const { q, t } = tx;
    const rows = await q
      .select(columns(t))
      .from(t.webhookSubscriptions)
      .innerJoin(t.organisations, eq(t.organisations.id, t.webhookSubscriptions.orgId))
      .where(orgInSubtree(t, scopePath))
      .orderBy(t.organisations.path, t.webhookSubscriptions.createdAt);
    return withPending(tx, rows);
  });
}

export interface NewWebhookSubscription {
  orgId: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  secret: string;
  createdBy: string;
}

const auditEntry = (subscription: Pick<WebhookSubscription, "id" | "orgId">, action: string, detail: Record<string, unknown>) => ({
  action,
  targetType: "webhook",
  targetId: subscription.id,
  orgId: subscription.orgId,
  detail,
});

export function createWebhookSubscription(
  db: Database,
  input: NewWebhookSubscription,
  audit: AuditContext,
  now = Date.now(),
): Promise<WebhookSubscription> {
  return db.write(async (tx) => {
    const id = newId();
    await tx.q.insert(tx.t.webhookSubscriptions).values({
      id,
      orgId: input.orgId,
      url: input.url,
      events: JSON.stringify(input.events),
      description: input.description,
      secret: input.secret,
      status: "active",
      createdBy: input.createdBy,
      createdAt: now,
      updatedAt: now,
    });
    // Never the secret: the audit log is readable by every admin of the subtree.
    await recordAudit(tx, audit, auditEntry({ id, orgId: input.orgId }, "webhook.create", { url: input.url, events: input.events }), now);
    return mustFind(tx, id);
  });
}

export interface WebhookSubscriptionPatch {
  url?: string;
  events?: WebhookEventType[];
  description?: string | null;
}

export function updateWebhookSubscription(
  db: Database,
  id: string,
  patch: WebhookSubscriptionPatch,
  audit: AuditContext,
  now = Date.now(),
): Promise<WebhookSubscription> {
  return db.write(async (tx) => {
    const before = await mustFind(tx, id);
    await tx.q
      .update(tx.t.webhookSubscriptions)
      .set({
        ...(patch.url !== undefined ? { url: patch.url } : {}),
        ...(patch.events !== undefined ? { events: JSON.stringify(patch.events) } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        updatedAt: now,
      })
      .where(eq(tx.t.webhookSubscriptions.id, id));
    await recordAudit(tx, audit, auditEntry(before, "webhook.update", { ...patch }), now);
    return mustFind(tx, id);
  });
}

/**
 * Pause by hand, or resume. Events keep being queued while paused; resuming sends the backlog at
 * once and starts the failure count afresh.
 */
export function setWebhookSubscriptionActive(
  db: Database,
  id: string,
  active: boolean,
  audit: AuditContext,
  now = Date.now(),
): Promise<WebhookSubscription> {
  return db.write(async (tx) => {
    const { q, t } = tx;
    const before = await mustFind(tx, id);
    if (active) {
      await q
        .update(t.webhookSubscriptions)
        .set({ status: "active", pausedReason: null, consecutiveFailures: 0, failingSince: null, updatedAt: now })
        .where(eq(t.webhookSubscriptions.id, id));
      await q
        .update(t.webhookDeliveries)
        .set({ nextAttemptAt: now })
        .where(and(eq(t.webhookDeliveries.subscriptionId, id), eq(t.webhookDeliveries.status, "pending")));
    } else {
      await q
        .update(t.webhookSubscriptions)
        .set({ status: "paused", pausedReason: "admin", updatedAt: now })
        .where(eq(t.webhookSubscriptions.id, id));
    }
    await recordAudit(tx, audit, auditEntry(before, active ? "webhook.resume" : "webhook.pause", { from: before.status }), now);
    return mustFind(tx, id);
  });
}

/** Deletes the subscription with its queued deliveries and its log (events stay: others may need them). */
export function deleteWebhookSubscription(db: Database, id: string, audit: AuditContext, now = Date.now()): Promise<WebhookSubscription> {
  return db.write(async (tx) => {
    const { q, t } = tx;
    const before = await mustFind(tx, id);
    await q.delete(t.webhookAttempts).where(eq(t.webhookAttempts.subscriptionId, id));
    await q.delete(t.webhookDeliveries).where(eq(t.webhookDeliveries.subscriptionId, id));
    await q.delete(t.webhookSubscriptions).where(eq(t.webhookSubscriptions.id, id));
    await recordAudit(tx, audit, auditEntry(before, "webhook.delete", { url: before.url }), now);
    return before;
  });
}

export interface WebhookAttempt {
  id: string;
  deliveryId: string;
  eventId: string;
  eventType: string;
  attempt: number;
  at: number;
  responseStatus: number | null;
  responseExcerpt: string | null;
  durationMs: number;
  ok: boolean;
}

/** The latest attempts of a subscription, newest first. */
export function listWebhookAttempts(db: Database, subscriptionId: string, limit: number): Promise<WebhookAttempt[]> {
  return db.read(({ q, t }) =>
    q
      .select({
        id: t.webhookAttempts.id,
        deliveryId: t.webhookAttempts.deliveryId,
        eventId: t.webhookAttempts.eventId,
        eventType: t.webhookAttempts.eventType,
        attempt: t.webhookAttempts.attempt,
        at: t.webhookAttempts.at,
        responseStatus: t.webhookAttempts.responseStatus,
        responseExcerpt: t.webhookAttempts.responseExcerpt,
        durationMs: t.webhookAttempts.durationMs,
        ok: t.webhookAttempts.ok,
      })
      .from(t.webhookAttempts)
      .where(eq(t.webhookAttempts.subscriptionId, subscriptionId))
      .orderBy(desc(t.webhookAttempts.at), desc(t.webhookAttempts.attempt))
      .limit(limit),
  );
}
