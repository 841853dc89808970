/**
 * The webhook worker of this server process: a pass every `pollMs` (queue late reports, fan out new
 * events, send what is due). Several processes on one PostgreSQL database may each run one: delivery
 * leases keep them from sending the same delivery at once. Nothing is held in memory between passes,
 * so a process killed at any point loses nothing: what it had leased is sent by the next worker
 * once the lease runs out.
 */
import { type Logger, newWorkerName, runWebhookPass, type WebhookSettings } from "@nianbao/api";
import type { Database } from "@nianbao/db";

export interface WebhooksWorkerOptions {
  db: Database;
  logger: Logger;
  settings: WebhookSettings;
  pollMs: number;
  now?: () => number;
}

export interface WebhooksWorker {
  /** Lets the requests under way finish (within the request timeout), starts no more, then stops. */
  stop(): Promise<void>;
}

export function startWebhooksWorker(options: WebhooksWorkerOptions): WebhooksWorker {
  const { db, settings, pollMs } = options;
  const now = options.now ?? Date.now;
  const owner = newWorkerName();
  const logger = options.logger.child({ worker: "webhooks", owner });
  let stopped = false;
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  let lastLateScan = Number.NEGATIVE_INFINITY;

  const pass = async () => {
    const scanLate = now() - lastLateScan >= settings.lateScanMs;
    try {
      const result = await runWebhookPass({ db, settings, owner, now, logger, scanLate, signal: stopping.signal });
      if (scanLate) lastLateScan = now();
      if (result.sent || result.failed || result.late) logger.info({ ...result }, "webhook pass");
    } catch (error) {
      // The database was unreachable or closing: the next pass tries again, nothing was acknowledged.
      if (!stopped) logger.warn({ err: error }, "webhook pass failed");
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = pass().finally(schedule);
    }, pollMs);
  };
  current = pass().finally(schedule);
  logger.info({ pollMs }, "webhook worker started");

  return {
    stop: async () => {
      stopped = true;
      stopping.abort();
      clearTimeout(timer);
      await current;
    },
  };
}
