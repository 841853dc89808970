/**
 * A report's way from draft to published, each step taken in the browser by the person whose step it
 * is (the demo's education bureau: its editor, then the district's reviewer, signer and disclosure
 * office), and the published report downloaded as Word and read back.
 */
import type { Page } from "playwright-core";
import { getCell } from "@nianbao/core";
import { importReport } from "@nianbao/documents";
import { expect, it } from "vitest";
import type { ApiClient } from "./support/api";
import { useE2E } from "./support/browser";
import { openEditor, waitUntilSaved } from "./support/editor";
import { WORKING_YEAR } from "./support/years";

const e2e = useE2E();
const ORG = "示范区教育局";

async function statusOf(api: ApiClient, id: string): Promise<string> {
  return (await api.reports.get.query({ id })).report.status;
}

/** On the review page, take the step `action` (its button, then the confirming button in the dialog). */
async function takeStep(page: Page, reportId: string, action: string): Promise<void> {
  await page.goto(`/reports/${reportId}/review`);
  await page.getByRole("button", { name: action, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await dialog.getByRole("button", { name: action, exact: true }).click();
  await dialog.waitFor({ state: "detached" });
}

it("takes a department's draft through submit, review, sign and publish, each by its own role", async () => {
  const admin = await e2e.api("admin");
  const [draft] = (await admin.reports.list.query({ year: WORKING_YEAR, status: ["draft"] })).filter((r) => r.orgName === ORG);
  expect(draft).toBeDefined();
  const id = draft!.id;

  // The editor explains every warning (submission needs it), then submits.
  const editor = await e2e.signedInPage("jyj.editor");
  await openEditor(editor, id);
  await waitUntilSaved(editor);
  expect(await editor.locator('[data-rule][data-severity="error"]').count()).toBe(0);
  const warnings = editor.locator('[data-rule][data-severity="warning"]');
  for (let i = 0; i < (await warnings.count()); i++) {
    const warning = warnings.nth(i);
    if ((await warning.getByRole("button", { name: "填写说明" }).count()) === 0) continue; // explained already
    await warning.getByRole("button", { name: "填写说明" }).click();
    await warning.getByRole("textbox").fill("经核实，数据无误。");
    await warning.getByRole("button", { name: "保存说明" }).click();
    await warning.getByText("已说明").waitFor();
  }
  await editor.locator("[data-submit]").click();
  await expect.poll(() => statusOf(admin, id)).toBe("submitted");

  const reviewer = await e2e.signedInPage("gov.reviewer");
  await takeStep(reviewer, id, "审核通过");
  await expect.poll(() => statusOf(admin, id)).toBe("reviewed");

  const signer = await e2e.signedInPage("gov.signer");
  await takeStep(signer, id, "签发");
  await expect.poll(() => statusOf(admin, id)).toBe("signed");

  const office = await e2e.signedInPage("admin");
  await takeStep(office, id, "发布");
  await expect.poll(() => statusOf(admin, id)).toBe("published");

  // The published report, downloaded as Word from the preview page, reads back as the same report.
  await office.goto(`/reports/${id}/preview`);
  const [download] = await Promise.all([office.waitForEvent("download"), office.locator('[data-export="docx"]').click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const bytes = new Uint8Array(Buffer.concat(chunks));
  expect(Buffer.from(bytes.subarray(0, 2)).toString("latin1")).toBe("PK");
  const read = await importReport(bytes, { filename: download.suggestedFilename() });
  const { document } = await admin.reports.get.query({ id });
  expect(read.report.agency.name).toBe(ORG);
  expect(read.report.year).toBe(WORKING_YEAR);
  for (const cellId of ["applications.newReceived.total", "applications.results.totalProcessed.total", "reviewLitigation.review.total"]) {
    expect(getCell(read.report, cellId)).toBe(getCell(document, cellId));
  }
});
