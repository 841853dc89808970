/**
 * The disclosure office registers a webhook in 系统管理 → 事件推送, keeps the secret shown once, and
 * sees a department's submission arrive at a receiver on loopback — signed with that secret — and in
 * the delivery log; then pauses and deletes it.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import { verifyWebhookSignature, WEBHOOK_HEADERS } from "@nianbao/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freshFullDraft } from "./support/api";
import { useE2E } from "./support/browser";
import { FRESH_YEAR } from "./support/years";

const e2e = useE2E();
const ORG = "示范区司法局";

const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(204).end();
  });
});
let receiverUrl = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/nianbao`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

/** Repeats `read` until it gives a value: the worker sends and records on its own schedule. */
async function eventually<T>(read: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

it("registers a webhook, shows its secret once, and logs the signed delivery of a submission", async () => {
  const page = await e2e.signedInPage("admin");
  await page.goto("/admin?tab=webhooks");
  await page.getByRole("button", { name: "新建推送" }).click();
  const form = page.getByRole("dialog");
  await form.getByLabel("接收地址（HTTPS）").fill(receiverUrl);
  await form.getByRole("button", { name: "新建推送" }).click();
  const shown = page.getByRole("dialog").getByLabel("推送已创建");
  await shown.waitFor();
  const secret = await shown.inputValue();
  expect(secret).toMatch(/^whsec_/);
  await page.keyboard.press("Escape");
  await page.getByRole("dialog").waitFor({ state: "detached" });
  const row = page.locator("tr[data-webhook]").filter({ hasText: receiverUrl });
  await row.getByText("推送中").waitFor();

  // A department submits its report: the receiver gets it, signed with the secret the page showed.
  const editor = await e2e.api("sfj.editor");
  const draft = await freshFullDraft(editor, ORG, FRESH_YEAR);
  for (const f of (await editor.reports.validate.query({ id: draft.id })).findings.filter((x) => x.severity === "warning")) {
    await editor.reports.explain.mutate({
      id: draft.id,
      finding: { ruleId: f.ruleId, cells: f.cells, ...(f.path ? { path: f.path } : {}) },
      text: "经核实无误",
    });
  }
  await editor.reports.submit.mutate({ id: draft.id, revision: draft.revision });
  const delivery = await eventually(() => received.find((r) => r.body.includes(draft.id) && r.body.includes('"report.submitted"')));
  const signature = delivery.headers[WEBHOOK_HEADERS.signature.toLowerCase()] as string;
  expect(await verifyWebhookSignature({ secret, header: signature, body: delivery.body })).toMatchObject({ ok: true });

  // The log shows the acknowledged attempt once the worker has recorded it.
  const admin = await e2e.api("admin");
  const id = (await row.getAttribute("data-webhook"))!;
  await eventually(async () => (await admin.webhooks.deliveries.query({ id })).find((a) => a.ok) ?? undefined);
  await row.getByRole("button", { name: "送达记录" }).click();
  const log = page.getByRole("dialog");
  await log.getByText("报送 · 第1次").first().waitFor();
  await log.getByText("204").first().waitFor();
  await page.keyboard.press("Escape");
  await log.waitFor({ state: "detached" });

  await row.getByRole("button", { name: "暂停" }).click();
  await row.getByText("已暂停").waitFor();
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "删除" }).click();
  await row.waitFor({ state: "detached" });
  expect((await admin.webhooks.list.query({})).some((w) => w.id === id)).toBe(false);
});
