/**
 * The same app on PostgreSQL (the production database): sign in, edit and save, two people saving one
 * report. Runs only when NIANBAO_TEST_PG_URL names a server; the run says so when it is skipped.
 */
import { describe, expect, inject, it } from "vitest";
import { useE2E } from "./support/browser";
import { balanceFindingFollowsTyping, conflictKeepsBothEdits } from "./support/scenarios";

const enabled = Boolean(inject("pgAdminUrl"));

describe.skipIf(!enabled)("on PostgreSQL", () => {
  const e2e = useE2E("postgres");

  it("signs in and lands on the home page", async () => {
    const page = await e2e.signedInPage("kjj.editor");
    expect(new URL(page.url()).pathname).toBe("/");
    await page.getByText("示范区科学技术局").first().waitFor();
  });

  it("edits and saves a report, with the finding following the typing", async () => {
    await balanceFindingFollowsTyping(e2e, "示范区发展和改革局", "fgj.editor");
  });

  it("gives the second of two people saving one report the conflict view and keeps both edits", async () => {
    await conflictKeepsBothEdits(e2e, "示范区卫生健康局", "wjj.editor");
  });
});
