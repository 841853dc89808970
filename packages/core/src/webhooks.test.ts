import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature, webhookUrlSchema } from "./webhooks";

const SECRET = "whsec_test_secret";
const BODY = JSON.stringify({ id: "e1", type: "report.submitted" });
const NOW = 1_760_000_000;

describe("webhook signatures", () => {
  it("accepts what signWebhook produced, within the tolerance", async () => {
    const header = await signWebhook(SECRET, NOW, BODY);
    expect(header).toMatch(/^t=1760000000,v1=[0-9a-f]{64}$/);
    expect(await verifyWebhookSignature({ secret: SECRET, header, body: BODY, now: NOW + 299 })).toEqual({ ok: true, timestamp: NOW });
  });

  it("refuses a changed body, another secret, a replay past five minutes and a malformed header", async () => {
    const header = await signWebhook(SECRET, NOW, BODY);
    expect(await verifyWebhookSignature({ secret: SECRET, header, body: `${BODY} `, now: NOW })).toEqual({ ok: false, reason: "mismatch" });
    expect(await verifyWebhookSignature({ secret: "another", header, body: BODY, now: NOW })).toEqual({ ok: false, reason: "mismatch" });
    expect(await verifyWebhookSignature({ secret: SECRET, header, body: BODY, now: NOW + 301 })).toEqual({ ok: false, reason: "expired" });
    expect(await verifyWebhookSignature({ secret: SECRET, header: "v1=abc", body: BODY, now: NOW })).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(await verifyWebhookSignature({ secret: SECRET, header: null, body: BODY, now: NOW })).toEqual({
      ok: false,
      reason: "malformed",
    });
  });

  it("matches an independent HMAC-SHA256 of `t.body` (what the Python check in the docs computes)", async () => {
    const { createHmac } = await import("node:crypto");
    const expected = createHmac("sha256", SECRET).update(`${NOW}.${BODY}`).digest("hex");
    expect(await signWebhook(SECRET, NOW, BODY)).toBe(`t=${NOW},v1=${expected}`);
    // A second signature (a rotated secret) beside the right one still verifies.
    const header = `t=${NOW},v1=${"0".repeat(64)},v1=${expected}`;
    expect((await verifyWebhookSignature({ secret: SECRET, header, body: BODY, now: NOW })).ok).toBe(true);
  });
});

describe("webhook URLs", () => {
  it("takes https anywhere and http only on this machine", () => {
    expect(webhookUrlSchema.safeParse("https://stats.example.gov.cn/hooks/nianbao").success).toBe(true);
    expect(webhookUrlSchema.safeParse("http://127.0.0.1:8080/hook").success).toBe(true);
    expect(webhookUrlSchema.safeParse("http://[::1]:8080/hook").success).toBe(true);
    expect(webhookUrlSchema.safeParse("http://stats.example.gov.cn/hook").success).toBe(false);
    expect(webhookUrlSchema.safeParse("ftp://127.0.0.1/hook").success).toBe(false);
    expect(webhookUrlSchema.safeParse("https://user:pw@example.gov.cn/hook").success).toBe(false);
  });
});
