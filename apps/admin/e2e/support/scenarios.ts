/**
 * Scenarios run on more than one database: the editor tests run them against SQLite, the PostgreSQL
 * smoke tests against PostgreSQL. Each prepares its own fresh draft, so none depends on another.
 */
import { expect } from "vitest";
import { freshFullDraft, storedCell } from "./api";
import { FRESH_YEAR } from "./years";
import type { E2E } from "./browser";
import { cell, cellText, finding, openEditor, saveState, typeInCell, waitUntilSaved } from "./editor";

/** 一、本年新收政府信息公开申请数量, 自然人: an addend of 一＋二＝三＋四 that the clerk types. */
export const RECEIVED = "applications.newReceived.natural";
const RECEIVED_COMMERCIAL = "applications.newReceived.commercial";

/**
 * Type a figure that breaks 一＋二＝三＋四: the T3-BAL finding appears and the cell is marked; type the
 * old figure back: both go. What the clerk typed last reaches the server.
 */
export async function balanceFindingFollowsTyping(e2e: E2E, orgName: string, editor: string): Promise<void> {
  const api = await e2e.api("admin");
  const draft = await freshFullDraft(api, orgName, FRESH_YEAR);
  const page = await e2e.signedInPage(editor);
  await openEditor(page, draft.id);
  expect(await finding(page, "T3-BAL").count()).toBe(0);
  expect(await cell(page, RECEIVED).getAttribute("aria-invalid")).toBeNull();

  const original = await cellText(page, RECEIVED);
  await typeInCell(page, RECEIVED, String(Number(original) + 7));
  await finding(page, "T3-BAL").first().waitFor();
  expect(await finding(page, "T3-BAL").first().textContent()).toMatch(/[\u4e00-\u9fff]/u);
  await expect.poll(() => cell(page, RECEIVED).getAttribute("aria-invalid")).toBe("true");
  await waitUntilSaved(page);
  expect(await storedCell(api, draft.id, RECEIVED)).toBe(Number(original) + 7);

  await typeInCell(page, RECEIVED, original);
  await finding(page, "T3-BAL").first().waitFor({ state: "detached" });
  await expect.poll(() => cell(page, RECEIVED).getAttribute("aria-invalid")).toBeNull();
  await waitUntilSaved(page);
  expect(await storedCell(api, draft.id, RECEIVED)).toBe(Number(original));
}

/**
 * Two people (two browser contexts) edit one report. The second to save gets the conflict view with
 * both edits; saving from it keeps both, and nothing typed is lost.
 */
export async function conflictKeepsBothEdits(e2e: E2E, orgName: string, editor: string): Promise<void> {
  const api = await e2e.api("admin");
  const draft = await freshFullDraft(api, orgName, FRESH_YEAR);
  const first = await e2e.signedInPage(editor);
  const second = await e2e.signedInPage(editor);
  await openEditor(first, draft.id);
  await openEditor(second, draft.id);
  const received = Number(await cellText(first, RECEIVED));
  const commercial = Number(await cellText(second, RECEIVED_COMMERCIAL));

  await typeInCell(first, RECEIVED, String(received + 1));
  await waitUntilSaved(first);
  expect(await storedCell(api, draft.id, RECEIVED)).toBe(received + 1);

  // The second still edits the revision both opened: its save is refused, and it is shown why.
  await typeInCell(second, RECEIVED_COMMERCIAL, String(commercial + 2));
  await saveState(second, "conflict").waitFor();
  const view = second.locator("[data-conflict]");
  await view.waitFor();
  await view.locator(`[data-conflict-item="${RECEIVED}"]`).waitFor();
  await view.locator(`[data-conflict-item="${RECEIVED_COMMERCIAL}"]`).waitFor();

  // The proposal keeps their 自然人 figure and my 商业企业 figure; saving it keeps both.
  await view.locator("[data-conflict-save]").click();
  await waitUntilSaved(second);
  expect(await storedCell(api, draft.id, RECEIVED)).toBe(received + 1);
  expect(await storedCell(api, draft.id, RECEIVED_COMMERCIAL)).toBe(commercial + 2);
  expect(await cellText(second, RECEIVED)).toBe(String(received + 1));
  expect(await cellText(second, RECEIVED_COMMERCIAL)).toBe(String(commercial + 2));
}
