/**
 * The report editor through its test contract (apps/admin/README.md): cells are `[data-cell="<id>"]`,
 * findings `[data-rule="<ruleId>"]`, the save state `[data-save-state]`. Cells are worked the way a
 * clerk works them: click, type, Tab.
 */
import type { Locator, Page } from "playwright-core";

export const cell = (page: Page, cellId: string): Locator => page.locator(`[data-cell="${cellId}"]`);
export const finding = (page: Page, ruleId: string): Locator => page.locator(`[data-rule="${ruleId}"]`);
export const saveState = (page: Page, state: "saved" | "saving" | "error" | "conflict"): Locator =>
  page.locator(`[data-save-state="${state}"]`);

/** Open the editor of a report and wait until its grid and save state are there. */
export async function openEditor(page: Page, reportId: string): Promise<void> {
  await page.goto(`/reports/${reportId}`);
  await page.locator("[data-cell]").first().waitFor();
  await page.locator("[data-save-state]").waitFor();
}

/** Type `text` over a cell's figure and leave it with Tab (which makes it one undo step and saves). */
export async function typeInCell(page: Page, cellId: string, text: string): Promise<void> {
  const input = cell(page, cellId);
  await input.click();
  await input.press("Control+a");
  await page.keyboard.type(text);
  await page.keyboard.press("Tab");
}

/** The figure a cell shows. */
export const cellText = (page: Page, cellId: string): Promise<string> => cell(page, cellId).inputValue();

/** Wait until the editor says everything typed is saved. */
export async function waitUntilSaved(page: Page): Promise<void> {
  await saveState(page, "saved").waitFor();
}

/**
 * Paste tab-separated text into the focused cell with a real `paste` event carrying a DataTransfer,
 * as a paste from Excel or WPS arrives (the page itself cannot read the system clipboard headless).
 */
export async function pasteInto(page: Page, cellId: string, text: string): Promise<void> {
  await cell(page, cellId).focus();
  await cell(page, cellId).evaluate((element, clip) => {
    const data = new DataTransfer();
    data.setData("text/plain", clip);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}
