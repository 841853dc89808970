/** Webhook subscriptions as the API shows them: times as ISO strings, never the secret after creation. */
import { WEBHOOK_EVENT_TYPES, webhookEventTypeSchema, webhookUrlSchema } from "@nianbao/core";
import type { WebhookAttempt, WebhookSubscription } from "@nianbao/db";
import { z } from "zod";
import { newSecret } from "../secrets";

/** Secrets start with this, so a leaked one is recognisable in logs and code scanners. */
const WEBHOOK_SECRET_PREFIX = "whsec_";

export const newWebhookSecret = (): string => newSecret(WEBHOOK_SECRET_PREFIX);

const isoString = z.string();
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The fields an admin sets; `events` defaults to every event type. */
export const webhookInputSchema = z.object({
  url: webhookUrlSchema,
  events: z
    .array(webhookEventTypeSchema)
    .min(1)
    .max(WEBHOOK_EVENT_TYPES.length)
    .default([...WEBHOOK_EVENT_TYPES]),
  description: z.string().trim().max(200).nullable().optional(),
});

export const webhookOutSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  url: z.string(),
  events: z.array(webhookEventTypeSchema),
  description: z.string().nullable(),
  status: z.enum(["active", "paused"]),
  /** admin: paused by hand; failing: paused after too many failed deliveries (see the audit log). */
  pausedReason: z.enum(["admin", "failing"]).nullable(),
  consecutiveFailures: z.number().int(),
  failingSince: isoString.nullable(),
  lastSuccessAt: isoString.nullable(),
  lastFailureAt: isoString.nullable(),
  pendingDeliveries: z.number().int(),
  createdAt: isoString,
  updatedAt: isoString,
});

export function webhookOut(s: WebhookSubscription): z.infer<typeof webhookOutSchema> {
  return {
    id: s.id,
    orgId: s.orgId,
    orgName: s.orgName,
    url: s.url,
    events: s.events,
    description: s.description,
    status: s.status,
    pausedReason: s.pausedReason,
    consecutiveFailures: s.consecutiveFailures,
    failingSince: iso(s.failingSince),
    lastSuccessAt: iso(s.lastSuccessAt),
    lastFailureAt: iso(s.lastFailureAt),
    pendingDeliveries: s.pending,
    createdAt: iso(s.createdAt)!,
    updatedAt: iso(s.updatedAt)!,
  };
}

export const webhookAttemptOutSchema = z.object({
  eventId: z.string(),
  eventType: z.string(),
  attempt: z.number().int(),
  at: isoString,
  ok: z.boolean(),
  /** null: no answer (refused, timed out); the excerpt then says why. */
  responseStatus: z.number().int().nullable(),
  responseExcerpt: z.string().nullable(),
  durationMs: z.number().int(),
});

export function webhookAttemptOut(a: WebhookAttempt): z.infer<typeof webhookAttemptOutSchema> {
  return {
    eventId: a.eventId,
    eventType: a.eventType,
    attempt: a.attempt,
    at: iso(a.at)!,
    ok: a.ok,
    responseStatus: a.responseStatus,
    responseExcerpt: a.responseExcerpt,
    durationMs: a.durationMs,
  };
}
