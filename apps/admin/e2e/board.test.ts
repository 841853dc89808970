/**
 * The progress board shows which organisations are late, as the server counts them (published after
 * the statutory deadline, or still unpublished past it). The demo's working year has a report published
 * late whatever the date, and reports not yet published, which are late once the deadline has passed.
 */
import { deadlineFor } from "@nianbao/core";
import { expect, it } from "vitest";
import { useE2E } from "./support/browser";
import { WORKING_YEAR } from "./support/years";

const e2e = useE2E();
const YEAR = WORKING_YEAR;

it("lists exactly the late organisations of the working year when filtered to late ones", async () => {
  const api = await e2e.api("admin");
  const progress = await api.stats.progress.query({ year: YEAR });
  const late = progress.rows.filter((row) => row.late);
  // The demo's natural resources bureau published its report of the working year after the deadline.
  expect(late.map((row) => row.orgName)).toContain("示范区自然资源局");
  // The rest are late only once their deadline has passed in China (the seed runs on the real clock).
  const unpublished = progress.rows.filter((row) => row.status !== "published");
  expect(unpublished.map((row) => row.orgName)).toContain("示范区财政局");
  for (const row of unpublished) expect(row.late, row.orgName).toBe(progress.today > deadlineFor(YEAR, row.orgKind));

  const page = await e2e.signedInPage("admin");
  await page.goto(`/board?year=${YEAR}`);
  await page.getByText(`逾期 ${progress.totals.late}`).first().waitFor();
  // The filter lives in the URL (a link to it shows the same list): the box is ticked once the URL says so.
  await page.getByLabel("只看逾期").click();
  await page.waitForURL((url) => url.searchParams.get("late") === "1");
  await expect.poll(() => page.getByLabel("只看逾期").isChecked()).toBe(true);
  await expect
    .poll(() => page.locator("tr[data-org]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-org")).sort()))
    .toEqual(late.map((row) => row.orgId).sort());
  const lateRow = page.locator("tr[data-org]").filter({ hasText: "示范区自然资源局" });
  await expect.poll(() => lateRow.textContent()).toMatch(/逾期/u);
});
