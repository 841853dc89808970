/**
 * Sending webhooks: one signed POST per delivery, the backoff between retries, and one pass of the
 * worker (queue late reports, fan out new events, send what is due). The server runs passes on a
 * timer (apps/server/src/webhooks-worker.ts); tests run them directly with their own clock.
 */
import { randomUUID } from "node:crypto";
import { chinaToday, signWebhook, WEBHOOK_HEADERS } from "@nianbao/core";
import {
  type AttemptOutcome,
  type ClaimedDelivery,
  claimWebhookDeliveries,
  type Database,
  fanOutWebhookEvents,
  type PausePolicy,
  queueLateWebhookEvents,
  recordWebhookAttempt,
  releaseWebhookDeliveries,
} from "@nianbao/db";
import type { Logger } from "../context";

export interface WebhookSettings extends PausePolicy {
  /** First retry after about this long; each further one waits twice as long … */
  retryBaseMs: number;
  /** … up to this. */
  retryMaxMs: number;
  /** A receiver that has not answered by then has failed this attempt. */
  requestTimeoutMs: number;
  /** How long a worker holds a delivery it is sending (longer than the timeout). */
  leaseMs: number;
  /** Deliveries sent at once by one worker. */
  concurrency: number;
  /** How often report.late is looked for. */
  lateScanMs: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60_000,
  requestTimeoutMs: 10_000,
  leaseMs: 60_000,
  concurrency: 4,
  lateScanMs: 60_000,
  maxConsecutiveFailures: 20,
  maxFailingMs: 24 * 60 * 60_000,
};

/**
 * The wait before retry number `failures` (1 after the first failure): exponential, capped, with
 * "equal jitter" — half the step fixed, half random — so receivers that failed together do not all
 * come back at the same instant, while each wait is still at least as long as the previous one
 * (below the cap; at the cap, waits vary between half of it and all of it).
 */
export function webhookRetryDelay(
  failures: number,
  settings: Pick<WebhookSettings, "retryBaseMs" | "retryMaxMs">,
  random = Math.random,
): number {
  const step = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(step / 2 + random() * (step / 2));
}

const EXCERPT_CHARS = 200;
const USER_AGENT = "nianbao-webhooks/1";

/** Reads at most a few KiB of the answer: a receiver's page of HTML must not fill the log or memory. */
async function excerptOf(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < 4096) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => undefined);
  const text = new TextDecoder().decode(Buffer.concat(chunks)).replace(/\s+/g, " ").trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}

/** Sends one delivery; any 2xx is an acknowledgement, everything else (redirects included) a failure. */
export async function sendWebhook(
  delivery: ClaimedDelivery,
  settings: WebhookSettings,
  now: () => number,
): Promise<Omit<AttemptOutcome, "nextAttemptAt">> {
  const started = now();
  const signature = await signWebhook(delivery.secret, Math.floor(started / 1000), delivery.body);
  let ok = false;
  let responseStatus: number | null = null;
  let responseExcerpt: string | null;
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(settings.requestTimeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        [WEBHOOK_HEADERS.signature]: signature,
        [WEBHOOK_HEADERS.eventId]: delivery.eventId,
        [WEBHOOK_HEADERS.eventType]: delivery.eventType,
      },
      body: delivery.body,
    });
    responseStatus = response.status;
    ok = response.status >= 200 && response.status < 300;
    responseExcerpt = await excerptOf(response).catch(() => null);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    responseExcerpt =
      error instanceof Error && error.name === "TimeoutError"
        ? `no answer within ${settings.requestTimeoutMs} ms`
        : `request failed: ${cause?.code ?? (error as Error).message}`;
  }
  return { delivery, ok, responseStatus, responseExcerpt, durationMs: Math.max(0, now() - started), at: started };
}

export interface WebhookPassOptions {
  db: Database;
  settings: WebhookSettings;
  /** This worker's name in delivery leases. */
  owner: string;
  now: () => number;
  logger: Logger;
  /** Whether to look for late reports in this pass. */
  scanLate: boolean;
  /** Once aborted (the server is stopping), no further delivery is started; the unsent ones are released. */
  signal?: AbortSignal;
}

export interface WebhookPassResult {
  late: number;
  fannedOut: number;
  sent: number;
  failed: number;
  paused: number;
}

/** One pass of the worker. Never throws for one receiver's failure; database errors propagate. */
export async function runWebhookPass(options: WebhookPassOptions): Promise<WebhookPassResult> {
  const { db, settings, now, logger } = options;
  const result: WebhookPassResult = { late: 0, fannedOut: 0, sent: 0, failed: 0, paused: 0 };
  if (options.scanLate) result.late = await queueLateWebhookEvents(db, chinaToday(now()), now());
  for (let batch = await fanOutWebhookEvents(db, now()); batch > 0; batch = await fanOutWebhookEvents(db, now())) result.fannedOut += batch;
  const claimed = await claimWebhookDeliveries(db, {
    owner: options.owner,
    now: now(),
    leaseMs: settings.leaseMs,
    limit: settings.concurrency * 4,
  });
  const queue = [...claimed];
  const sendNext = async (): Promise<void> => {
    while (!options.signal?.aborted) {
      const delivery = queue.shift();
      if (!delivery) return;
      const sent = await sendWebhook(delivery, settings, now);
      const outcome: AttemptOutcome = {
        ...sent,
        nextAttemptAt: sent.at + sent.durationMs + webhookRetryDelay(delivery.attempts + 1, settings),
      };
      const { paused } = await recordWebhookAttempt(db, outcome, settings);
      if (sent.ok) result.sent += 1;
      else result.failed += 1;
      if (paused) {
        result.paused += 1;
        logger.warn({ subscriptionId: delivery.subscriptionId, url: delivery.url }, "webhook subscription paused after failing deliveries");
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, queue.length) }, sendNext));
  // Stopping: what was leased but not sent goes back at once instead of waiting for its lease to run out.
  if (queue.length)
    await releaseWebhookDeliveries(
      db,
      queue.map((d) => d.id),
      options.owner,
    );
  return result;
}

export const newWorkerName = (): string => `worker-${randomUUID()}`;
