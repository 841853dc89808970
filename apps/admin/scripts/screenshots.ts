/**
 * The pictures of the admin in docs/admin/, taken at an office PC's 1366×768 from a fresh demo:
 *
 *   board.png           the progress board of the working year (late organisations, charts)
 *   editor-finding.png  the editor with 一＋二＝三＋四 broken: the T3-BAL finding and its marked cells
 *   conflict.png        the conflict view after two people saved the same report
 *   rollup.png          the district's roll-up of the year before
 *
 * Run by hand from the repository root:  pnpm exec tsx apps/admin/scripts/screenshots.ts
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { freshFullDraft, signedInApi } from "../e2e/support/api";
import { CHROMIUM_OPTIONS, CONTEXT_OPTIONS } from "../e2e/support/browser-server";
import { signIn } from "../e2e/support/browser";
import { cell, cellText, finding, openEditor, saveState, typeInCell, waitUntilSaved } from "../e2e/support/editor";
import { DEMO_PASSWORD } from "../e2e/support/env";
import { buildAdmin, startStack } from "../e2e/support/stack";
import { FRESH_YEAR, PUBLISHED_YEAR, WORKING_YEAR } from "../e2e/support/years";

const OUT = join(import.meta.dirname, "..", "..", "..", "docs", "admin");
const DIST_DIR = ".next-screenshots";
const RECEIVED = "applications.newReceived.natural";
const COMMERCIAL = "applications.newReceived.commercial";

async function signedIn(browser: Browser, adminUrl: string, username: string): Promise<Page> {
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, baseURL: adminUrl });
  const page = await context.newPage();
  await signIn(page, username, DEMO_PASSWORD);
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  // Let fonts, charts and transitions settle before the picture.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(OUT, name) });
  process.stdout.write(`saved docs/admin/${name}\n`);
}

mkdirSync(OUT, { recursive: true });
await buildAdmin(DIST_DIR);
const stack = await startStack({ dialect: "sqlite" }, DIST_DIR);
const browser = await chromium.launch(CHROMIUM_OPTIONS);
try {
  const api = await signedInApi(stack.apiUrl, "admin", DEMO_PASSWORD);
  const admin = await signedIn(browser, stack.adminUrl, "admin");

  await admin.goto(`/board?year=${WORKING_YEAR}`);
  await admin.locator("tr[data-org]").first().waitFor();
  await admin
    .locator("canvas")
    .first()
    .waitFor()
    .catch(() => undefined);
  await shoot(admin, "board.png");

  await admin.goto(`/rollup?year=${PUBLISHED_YEAR}`);
  await admin.locator("main table").first().waitFor();
  await shoot(admin, "rollup.png");

  // The editor: a clerk types a figure that breaks 一＋二＝三＋四.
  const draft = await freshFullDraft(api, "示范区卫生健康局", FRESH_YEAR);
  const clerk = await signedIn(browser, stack.adminUrl, "wjj.editor");
  await openEditor(clerk, draft.id);
  await typeInCell(clerk, RECEIVED, String(Number(await cellText(clerk, RECEIVED)) + 6));
  await finding(clerk, "T3-BAL").first().waitFor();
  await waitUntilSaved(clerk);
  await cell(clerk, RECEIVED).focus();
  await cell(clerk, RECEIVED).scrollIntoViewIfNeeded();
  await shoot(clerk, "editor-finding.png");

  // The conflict: a colleague saved the report first; the clerk's own save is refused and shown.
  const other = await freshFullDraft(api, "示范区人力资源和社会保障局", FRESH_YEAR);
  const first = await signedIn(browser, stack.adminUrl, "rsj.editor");
  const second = await signedIn(browser, stack.adminUrl, "rsj.editor");
  await openEditor(first, other.id);
  await openEditor(second, other.id);
  await typeInCell(first, RECEIVED, String(Number(await cellText(first, RECEIVED)) + 1));
  await waitUntilSaved(first);
  await typeInCell(second, COMMERCIAL, String(Number(await cellText(second, COMMERCIAL)) + 2));
  await saveState(second, "conflict").waitFor();
  await second.locator("[data-conflict]").waitFor();
  await second.evaluate(() => window.scrollTo(0, 0));
  await shoot(second, "conflict.png");
} finally {
  await browser.close();
  await stack.stop();
}
