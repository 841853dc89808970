/**
 * What the client retries, against a real local HTTP server that answers a scripted sequence:
 * 429 and 503 are waited out, a stale-revision 409 is an answer, a mutation is sent again after a
 * network error only when it carries an Idempotency-Key.
 */
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retryingFetch } from "./retrying-fetch";

describe("retryingFetch", () => {
  let server: Server;
  let url: string;
  let script: { status: number; headers?: Record<string, string> }[] = [];
  let seen: (string | undefined)[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers["idempotency-key"] as string | undefined);
      const next = script.shift() ?? { status: 200 };
      res.writeHead(next.status, { "content-type": "application/json", ...next.headers });
      res.end(JSON.stringify({ status: next.status }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/trpc/x`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const policy = { retries: 3, baseDelayMs: 5, maxDelayMs: 2_000 };
  const reset = (steps: typeof script) => {
    script = steps;
    seen = [];
  };

  it("waits out 429 (Retry-After) and 503, then returns the answer", async () => {
    reset([{ status: 429, headers: { "retry-after": "1" } }, { status: 503 }, { status: 200 }]);
    const response = await retryingFetch(policy)(url);
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(3);
  });

  it("returns a 409 without Retry-After (a stale revision) at once, and waits out one with it (a key still running)", async () => {
    reset([{ status: 409 }]);
    expect((await retryingFetch(policy)(url, { method: "POST", headers: { "idempotency-key": "k1" } })).status).toBe(409);
    expect(seen).toHaveLength(1);
    reset([{ status: 409, headers: { "retry-after": "1" } }, { status: 200 }]);
    expect((await retryingFetch(policy)(url, { method: "POST", headers: { "idempotency-key": "k1" } })).status).toBe(200);
    expect(seen).toEqual(["k1", "k1"]);
  });

  it("sends a mutation again after a network error only with its key; gives up after its retries", async () => {
    let failures = 0;
    const dropsFirst: typeof fetch = async (input, init) => {
      if (failures++ === 0) throw new TypeError("fetch failed");
      return fetch(input, init);
    };
    reset([]);
    await expect(retryingFetch(policy, dropsFirst)(url, { method: "POST", body: "{}" })).rejects.toThrow("fetch failed");
    failures = 0;
    const response = await retryingFetch(policy, dropsFirst)(url, { method: "POST", body: "{}", headers: { "idempotency-key": "k2" } });
    expect(response.status).toBe(200);
    expect(seen).toEqual(["k2"]);
    reset([{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 200 }]);
    expect((await retryingFetch(policy)(url)).status).toBe(503);
    expect(seen).toHaveLength(4);
  });
});
