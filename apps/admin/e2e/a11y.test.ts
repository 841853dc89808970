/**
 * Accessibility of the main pages with axe-core, in the state a person sees them (signed in, data
 * loaded): no serious or critical violation. A failure lists each rule with the elements it hit.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { freshFullDraft } from "./support/api";
import { useE2E } from "./support/browser";
import { FRESH_YEAR, PUBLISHED_YEAR, WORKING_YEAR } from "./support/years";

const e2e = useE2E();

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => {
      const nodes = violation.nodes.slice(0, 5).map((node) => `${node.target.join(" ")} ${node.html.slice(0, 100)}`);
      return `${violation.id} (${violation.impact}): ${violation.help} — ${nodes.join(" | ")}`;
    });
}

describe("axe: no serious or critical violations", () => {
  let reportId = "";
  let admin: Page;

  beforeAll(async () => {
    const api = await e2e.api("admin");
    // A report with a finding showing, so the findings list and marked cells are checked too.
    const draft = await freshFullDraft(api, "示范区市场监督管理局", FRESH_YEAR);
    const broken = structuredClone(draft.document);
    (broken.tables.applications.newReceived as Record<string, unknown>).natural =
      Number(broken.tables.applications.newReceived.natural ?? 0) + 4;
    await api.reports.update.mutate({ id: draft.id, baseRevision: draft.revision, document: broken });
    reportId = draft.id;
    admin = await e2e.signedInPage("admin");
  });

  it("sign-in page", async () => {
    const page = await (await e2e.context()).newPage();
    await page.goto("/login");
    await page.getByLabel("用户名").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("home (工作台)", async () => {
    await admin.goto("/");
    await admin.locator("main").getByRole("heading").first().waitFor();
    await admin
      .locator("main [aria-busy='true']")
      .first()
      .waitFor({ state: "detached" })
      .catch(() => undefined);
    expect(await seriousViolations(admin)).toEqual([]);
  });

  it("progress board", async () => {
    await admin.goto(`/board?year=${WORKING_YEAR}`);
    await admin.locator("tr[data-org]").first().waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
  });

  it("report editor, with a finding", async () => {
    await admin.goto(`/reports/${reportId}`);
    await admin.locator('[data-rule="T3-BAL"]').first().waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
  });

  it("review and sign", async () => {
    await admin.goto(`/reports/${reportId}/review`);
    await admin.locator("main").getByRole("heading").first().waitFor();
    await admin.getByText("示范区市场监督管理局").first().waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
  });

  it("roll-up", async () => {
    await admin.goto(`/rollup?year=${PUBLISHED_YEAR}`);
    await admin.locator("main").getByRole("heading").first().waitFor();
    await admin.locator("main table").first().waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
  });

  it("administration", async () => {
    await admin.goto("/admin");
    await admin.locator("main").getByRole("heading").first().waitFor();
    await admin.getByText("示范区科学技术局").first().waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
  });
});
