/**
 * The fetch under the client: it retries what is safe to retry and only that.
 *
 * - A network error (no answer at all): a query is read-only, so it is sent again; a mutation is
 *   sent again only with its Idempotency-Key (the client gives every mutation one), so the server
 *   does it once however many times it arrives.
 * - 429 (over the token's rate) and 409 with Retry-After (the same key still running): after the
 *   time the server names.
 * - 502, 503, 504 (a proxy or a server restarting) — for mutations, again only with a key.
 *
 * Anything else (400, 403, a stale revision's 409 …) is the answer and goes back to the caller.
 */
export interface RetryPolicy {
  /** Further attempts after the first (default 3). */
  retries: number;
  /** First wait after a network error or 5xx; doubles each time (default 500 ms). */
  baseDelayMs: number;
  /** Longest wait, including a server's Retry-After (default 30 s). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

const UNAVAILABLE = new Set([502, 503, 504]);

const sleep = (ms: number, signal?: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    });
  });

function headerOf(init: RequestInit | undefined, name: string): string | null {
  return new Headers(init?.headers).get(name);
}

export function retryingFetch(policy: RetryPolicy, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const method = (init?.method ?? "GET").toUpperCase();
    const repeatable = method === "GET" || headerOf(init, "idempotency-key") !== null;
    for (let attempt = 0; ; attempt++) {
      const backoff = Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
      const last = attempt >= policy.retries;
      let response: Response;
      try {
        response = await base(input, init);
      } catch (error) {
        if (last || !repeatable || init?.signal?.aborted) throw error;
        await sleep(backoff, init?.signal);
        continue;
      }
      const retryAfter = Number(response.headers.get("retry-after"));
      const waitable = response.status === 429 || (response.status === 409 && retryAfter > 0);
      if (last || !(waitable || (UNAVAILABLE.has(response.status) && repeatable))) return response;
      // The body is not read: drop it so the connection can be reused.
      await response.body?.cancel();
      await sleep(retryAfter > 0 ? Math.min(retryAfter * 1000, policy.maxDelayMs) : backoff, init?.signal);
    }
  };
}
