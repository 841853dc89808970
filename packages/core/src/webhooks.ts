/**
 * Webhooks: the events a subscriber can ask for, the body it receives, and the signature check.
 *
 * The signature is HMAC-SHA256 over `${timestamp}.${body}` with the subscription's secret, sent as
 * `Nianbao-Signature: t=<unix seconds>,v1=<hex>`. Signing the timestamp with the body lets a receiver
 * refuse a replayed request older than the tolerance. Web Crypto only, so the same check runs in
 * Node (18+), Deno, browsers and edge runtimes.
 */
import { z } from "zod";

export const WEBHOOK_EVENT_TYPES = [
  "report.submitted",
  "report.returned",
  "report.reviewed",
  "report.signed",
  "report.published",
  "report.corrected",
  "report.late",
] as const;
export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

/** The event a workflow step produces (report.late comes from the deadline, not from a step). */
export const WEBHOOK_EVENT_OF_STEP = {
  submit: "report.submitted",
  return: "report.returned",
  review: "report.reviewed",
  sign: "report.signed",
  publish: "report.published",
  correct: "report.corrected",
} as const satisfies Record<string, WebhookEventType>;

export const WEBHOOK_HEADERS = {
  signature: "Nianbao-Signature",
  eventId: "Nianbao-Event-Id",
  eventType: "Nianbao-Event",
} as const;

/** How old a signed timestamp a receiver should still accept (and how far in the future). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** HTTPS, or plain HTTP to this machine only (a receiver under test, a local relay). No credentials in the URL. */
export const webhookUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === "https:" || LOOPBACK_HOSTS.has(url.hostname);
  }, "webhook URLs must use https (plain http only to 127.0.0.1, ::1 or localhost)")
  .refine((value) => {
    const url = new URL(value);
    return !url.username && !url.password;
  }, "a webhook URL may not carry a user name or password");

/** The body of every delivery. `id` is the event's: retries of one event carry the same id. */
export const webhookEventSchema = z.object({
  id: z.string(),
  type: webhookEventTypeSchema,
  /** When it happened (ISO 8601, UTC). */
  occurredAt: z.string(),
  data: z.object({
    reportId: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    year: z.number().int(),
    /** The report's status after the event. */
    status: z.string(),
    /** The status before the step (null for report.late). */
    fromStatus: z.string().nullable(),
    /** The revision the step applied to. */
    revision: z.number().int(),
    comment: z.string().nullable(),
    /** report.late: the statutory deadline that passed (YYYY-MM-DD); otherwise null. */
    deadline: z.string().nullable(),
  }),
});
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

const encoder = new TextEncoder();

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return toHex(await crypto.subtle.sign("HMAC", key, encoder.encode(message)));
}

/** The `Nianbao-Signature` header value for `body` sent at `timestamp` (unix seconds). */
export async function signWebhook(secret: string, timestamp: number, body: string): Promise<string> {
  return `t=${timestamp},v1=${await hmacHex(secret, `${timestamp}.${body}`)}`;
}

/** Compares without stopping at the first difference, so timing tells an attacker nothing. */
function equalInConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type WebhookVerification = { ok: true; timestamp: number } | { ok: false; reason: "malformed" | "expired" | "mismatch" };

export interface VerifyWebhookInput {
  secret: string;
  /** The `Nianbao-Signature` header as received. */
  header: string | null | undefined;
  /** The raw request body, exactly as received (before any JSON parsing). */
  body: string;
  /** Now in unix seconds (default: the clock). */
  now?: number;
  toleranceSeconds?: number;
}

/**
 * Checks a delivery: the signature matches the body and secret, and its timestamp is within the
 * tolerance. A header may carry several `v1=` values (during a secret change); one match suffices.
 */
export async function verifyWebhookSignature(input: VerifyWebhookInput): Promise<WebhookVerification> {
  const parts = (input.header ?? "").split(",").map((part) => part.trim().split("="));
  const timestamps = parts.filter(([k]) => k === "t").map(([, v]) => v ?? "");
  const signatures = parts.filter(([k, v]) => k === "v1" && v).map(([, v]) => v!.toLowerCase());
  if (timestamps.length !== 1 || !/^\d{1,12}$/.test(timestamps[0]!) || !signatures.length) return { ok: false, reason: "malformed" };
  const timestamp = Number(timestamps[0]);
  const now = input.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) return { ok: false, reason: "expired" };
  const expected = await hmacHex(input.secret, `${timestamp}.${input.body}`);
  return signatures.some((signature) => equalInConstantTime(signature, expected))
    ? { ok: true, timestamp }
    : { ok: false, reason: "mismatch" };
}
