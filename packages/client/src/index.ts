/**
 * @nianbao/client — the nianbao API for TypeScript services, typed by the router itself:
 *
 *   const nianbao = createClient({ url: "http://127.0.0.1:4000", token: process.env.NIANBAO_TOKEN! });
 *   const progress = await nianbao.stats.progress.query({ year: 2024 });
 *
 * Plain JSON over the API's own HTTP endpoints (no transformer), a bearer token, and retries that
 * are safe: every mutation carries an Idempotency-Key, the same on each retry of that call, so a
 * save retried after a network error is done once (pass your own key in `context.idempotencyKey` to
 * keep it across restarts of your service).
 */
import { randomUUID } from "node:crypto";
import type { AppRouter } from "@nianbao/api";
import { createTRPCClient, httpLink, type TRPCClient } from "@trpc/client";
import { DEFAULT_RETRY, retryingFetch, type RetryPolicy } from "./retrying-fetch";

export { TRPCClientError } from "@trpc/client";
export type { AppRouter } from "@nianbao/api";
export { DEFAULT_RETRY, retryingFetch, type RetryPolicy } from "./retrying-fetch";

export interface ClientOptions {
  /** Where the API is served, e.g. `http://127.0.0.1:4000` (the client adds `/trpc`). */
  url: string;
  /** An API token (`nbk_…`) from `tokens.create`. */
  token: string;
  /** Messages in English instead of Chinese. */
  lang?: "zh" | "en";
  /** Retries of network errors, 429 and 5xx; `{ retries: 0 }` turns them off. */
  retry?: Partial<RetryPolicy>;
  /** Another fetch (a proxy agent, a test's). */
  fetch?: typeof fetch;
}

export type NianbaoClient = TRPCClient<AppRouter>;

export function createClient(options: ClientOptions): NianbaoClient {
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${options.url.replace(/\/+$/, "")}/trpc`,
        fetch: retryingFetch(policy, options.fetch ?? fetch),
        // Called once per call: its retries (inside the fetch) carry the same key.
        headers: ({ op }) => ({
          authorization: `Bearer ${options.token}`,
          ...(options.lang === "en" ? { "accept-language": "en" } : {}),
          ...(op.type === "mutation"
            ? { "idempotency-key": typeof op.context.idempotencyKey === "string" ? op.context.idempotencyKey : randomUUID() }
            : {}),
        }),
      }),
    ],
  });
}
