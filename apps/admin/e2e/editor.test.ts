/**
 * The report editor in a real browser: live findings while typing, pasting a block from a
 * spreadsheet and taking it back with one Ctrl+Z, input kept across a reload before the server
 * acknowledged it, and two people saving the same report.
 */
import type { Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { freshFullDraft, storedCell } from "./support/api";
import { useE2E } from "./support/browser";
import { cell, cellText, openEditor, pasteInto, saveState, typeInCell, waitUntilSaved } from "./support/editor";
import { balanceFindingFollowsTyping, conflictKeepsBothEdits, RECEIVED } from "./support/scenarios";
import { FRESH_YEAR } from "./support/years";

const e2e = useE2E();

/** The first three applicant columns of 一 and 二 of table 三: the block a clerk copies from a sheet. */
const PASTED = [
  ["applications.newReceived.natural", "applications.newReceived.commercial", "applications.newReceived.research"],
  ["applications.carriedOver.natural", "applications.carriedOver.commercial", "applications.carriedOver.research"],
];

describe("report editor", () => {
  it("shows the T3-BAL finding and marks its cells while 一＋二＝三＋四 does not hold, and clears both when it does", async () => {
    await balanceFindingFollowsTyping(e2e, "示范区发展和改革局", "fgj.editor");
  });

  it("fills the cells from a pasted tab-separated block, and one Ctrl+Z takes the whole block back", async () => {
    const api = await e2e.api("admin");
    const draft = await freshFullDraft(api, "示范区人力资源和社会保障局", FRESH_YEAR);
    const page = await e2e.signedInPage("rsj.editor");
    await openEditor(page, draft.id);
    const before = await Promise.all(PASTED.flat().map((id) => cellText(page, id)));

    await pasteInto(page, PASTED[0]![0]!, "41\t42\t43\r\n51\t52\t53\r\n");
    await expect.poll(() => Promise.all(PASTED.flat().map((id) => cellText(page, id)))).toEqual(["41", "42", "43", "51", "52", "53"]);

    await cell(page, PASTED[0]![0]!).press("Control+z");
    await expect.poll(() => Promise.all(PASTED.flat().map((id) => cellText(page, id)))).toEqual(before);
    await waitUntilSaved(page);
    expect(await storedCell(api, draft.id, PASTED[1]![2]!)).toBe(Number(before[5]));
  });

  it("is worked from the keyboard alone, like a spreadsheet: arrows and Enter move, typing replaces, Ctrl+Z takes back", async () => {
    const api = await e2e.api("admin");
    const draft = await freshFullDraft(api, "示范区交通运输局", FRESH_YEAR);
    const page = await e2e.signedInPage("jtj.editor");
    await openEditor(page, draft.id);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-cell") ?? null);
    const [first, right, below] = [PASTED[0]![0]!, PASTED[0]![1]!, PASTED[1]![1]!];
    const before = await cellText(page, right);

    await cell(page, first).focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(focused).toBe(right);
    await page.keyboard.type("77");
    await page.keyboard.press("Enter");
    await expect.poll(focused).toBe(below);
    expect(await cellText(page, right)).toBe("77");
    await waitUntilSaved(page);
    expect(await storedCell(api, draft.id, right)).toBe(77);

    await page.keyboard.press("Control+z");
    await expect.poll(() => cellText(page, right)).toBe(before);
  });

  it("keeps what was typed when the page is reloaded before the server acknowledged it", async () => {
    const api = await e2e.api("admin");
    const draft = await freshFullDraft(api, "示范区住房和城乡建设局", FRESH_YEAR);
    const page = await e2e.signedInPage("zjj.editor");
    await openEditor(page, draft.id);
    const typed = String(Number(await cellText(page, RECEIVED)) + 5);

    // Hold every save: the page is reloaded while the save is still on its way.
    let holding = true;
    const held: Route[] = [];
    await page.route("**/api/trpc/**", async (route) => {
      const isSave = route.request().method() === "POST" && route.request().url().includes("reports.update");
      if (holding && isSave)
        held.push(route); // not answered; the reload cancels it
      else await route.fallback();
    });
    await typeInCell(page, RECEIVED, typed);
    await saveState(page, "saving").waitFor();
    await expect.poll(() => held.length).toBeGreaterThan(0);
    expect(await storedCell(api, draft.id, RECEIVED)).not.toBe(Number(typed));

    page.on("dialog", (dialog) => void dialog.accept()); // the "leave with unsaved input?" prompt
    await page.reload();
    holding = false;
    for (const route of held) await route.abort().catch(() => undefined);
    await page.locator("[data-cell]").first().waitFor();
    await page.locator("[data-restored]").waitFor();
    expect(await cellText(page, RECEIVED)).toBe(typed);

    // The server answers again: the kept input is saved without typing it again.
    await waitUntilSaved(page);
    await expect.poll(() => storedCell(api, draft.id, RECEIVED)).toBe(Number(typed));
  });

  it("gives the second of two people saving one report the conflict view, and loses nothing either typed", async () => {
    await conflictKeepsBothEdits(e2e, "示范区卫生健康局", "wjj.editor");
  });
});
