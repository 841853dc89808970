/**
 * Fair use: each API token (`Authorization: Bearer nbk_…`) may make `perMinute` calls a minute on
 * average, with bursts up to `burst`; past that the answer is 429 with `Retry-After`, so that one
 * runaway script cannot take the server from the clerks who fill their reports in January. Sessions
 * (people in the admin app) are not limited here: sign-in throttling guards them.
 *
 * A token bucket per token, in this process's memory: the limit holds per server instance (N
 * instances behind a load balancer allow up to N times the rate). A counter in the shared database
 * would cost a write on every read; the point is to stop runaways, not to meter exactly.
 */
import { createHash } from "node:crypto";
import { langFrom } from "@nianbao/api";
import type { FastifyInstance } from "fastify";
import { procedurePath, refuse } from "./http-error";

export interface RateLimit {
  /** Calls a minute a token may make on average; 0 turns the limit off. */
  perMinute: number;
  /** Calls a token may make at once after being idle (at least the largest batch). */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perMinute: 600, burst: 120 };

/** Buckets kept at most; idle (full) ones go first, so junk tokens cannot grow memory without bound. */
const MAX_TRACKED = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(private readonly limit: RateLimit) {
    this.perMs = limit.perMinute / 60_000;
  }

  /** Take `cost` calls for `id`: 0 when allowed, otherwise the seconds to wait before they would be. */
  take(id: string, cost: number, now: number): number {
    const bucket = this.refill(id, now);
    // A call dearer than a full bucket costs a full bucket, or it could never pass.
    const need = Math.min(cost, this.limit.burst);
    if (bucket.tokens >= need) {
      bucket.tokens -= need;
      return 0;
    }
    return Math.max(1, Math.ceil((need - bucket.tokens) / this.perMs / 1000));
  }

  private refill(id: string, now: number): Bucket {
    let bucket = this.buckets.get(id);
    if (!bucket) {
      if (this.buckets.size >= MAX_TRACKED) this.evict(now);
      bucket = { tokens: this.limit.burst, at: now };
      this.buckets.set(id, bucket);
      return bucket;
    }
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
    bucket.at = now;
    return bucket;
  }

  private evict(now: number): void {
    for (const [id, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.limit.burst) this.buckets.delete(id);
    }
    // Still full of busy buckets: drop the oldest half rather than refuse to track new tokens.
    if (this.buckets.size >= MAX_TRACKED) {
      let drop = Math.floor(MAX_TRACKED / 2);
      for (const id of this.buckets.keys()) {
        if (drop-- <= 0) break;
        this.buckets.delete(id);
      }
    }
  }
}

const MESSAGE = {
  zh: (seconds: number) => `请求过于频繁：该令牌已超出每分钟调用次数上限，请 ${seconds} 秒后重试`,
  en: (seconds: number) => `Too many requests: this token is over its rate limit; retry in ${seconds} s`,
};

export function registerRateLimit(app: FastifyInstance, limit: RateLimit, now: () => number): void {
  if (limit.perMinute <= 0) return;
  const buckets = new TokenBuckets(limit);
  app.addHook("onRequest", async (req, reply) => {
    if (!req.url.startsWith("/trpc/")) return;
    const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!bearer) return;
    // A batch ("a,b,c") is as many calls as it names.
    const cost = procedurePath(req).split(",").length;
    const id = createHash("sha256").update(bearer).digest("base64url");
    const wait = buckets.take(id, cost, now());
    if (!wait) return;
    req.log.warn({ cost, retryAfterSeconds: wait }, "token over its rate limit");
    reply.header("retry-after", String(wait));
    return refuse(req, reply, "TOO_MANY_REQUESTS", MESSAGE[langFrom(req.headers["accept-language"])](wait), { retryAfterSeconds: wait });
  });
}
