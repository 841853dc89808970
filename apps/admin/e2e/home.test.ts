/**
 * The home page (工作台) opens on the working year; in December it also offers the year then ending,
 * whose report is due a few weeks later. The demo runs on the real clock, so what is expected follows
 * the server's own today, as it counts it in China.
 */
import { yearInPreparation } from "@nianbao/core";
import { expect, it } from "vitest";
import { useE2E } from "./support/browser";
import { WORKING_YEAR } from "./support/years";

const e2e = useE2E();

it("offers the year then ending in December, and only then, and takes the clerk there", async () => {
  const api = await e2e.api("admin");
  const { today } = await api.stats.progress.query({ year: WORKING_YEAR });
  const page = await e2e.signedInPage("kjj.editor");
  await page.goto(`/?year=${WORKING_YEAR}`);
  // The year's table is drawn with the rest of the page's data: the offer, if any, is there by then.
  await page.locator("main table").first().waitFor();
  const offer = page.locator("[data-next-year]");
  const next = yearInPreparation(today);
  if (next !== WORKING_YEAR + 1) {
    expect(await offer.count()).toBe(0);
    return;
  }
  expect(await offer.textContent()).toContain(`${next} 年度报告可以开始准备`);
  await offer.getByRole("link", { name: `转到 ${next} 年度` }).click();
  await page.waitForURL((url) => url.searchParams.get("year") === String(next));
  await page.getByText(`${next} 年度报告`).first().waitFor();
  // On the year then ending, nothing more is offered: it is the one being prepared.
  await page.locator("main table").first().waitFor();
  expect(await offer.count()).toBe(0);
});
