/**
 * The demo as `pnpm start` seeds it, on both dialects: the district and its departments, reports that
 * went through the real workflow (every 2024 state, published earlier years), the seed fixture imported
 * as the science bureau's 2021 report, and nothing done twice on a database that has users.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findUserForLogin, listReports, listSubtree } from "@nianbao/db";
import { TEST_DIALECTS } from "@nianbao/db/testing";
import { suiteDb } from "@nianbao/db/testing/suite";
import { beforeAll, describe, expect, it } from "vitest";
import { DEPARTMENTS, DISTRICT, seedDemo, type SeedResult } from "./index";

const FAST_HASHING = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
const FIXTURE = "seed-2021-district-science-bureau.txt";
const fixture = { data: readFileSync(join(import.meta.dirname, "..", "..", "..", "spec", "fixtures", FIXTURE)), filename: FIXTURE };

describe.each(TEST_DIALECTS)("the demo on $dialect", ({ dialect, enabled }) => {
  const test = suiteDb(dialect, enabled);
  let seeded: SeedResult;
  beforeAll(async () => {
    if (!enabled) return;
    seeded = await seedDemo(test.db, { adminPassword: "demo-password-1", passwordHashing: FAST_HASHING, fixture });
  });

  it.skipIf(!enabled)("creates the district, its departments and their accounts", async () => {
    expect(seeded.created).toBe(true);
    const admin = await findUserForLogin(test.db, "admin");
    expect(admin?.orgName).toBe(DISTRICT);
    const orgs = await listSubtree(test.db, admin!.orgPath);
    expect(orgs.map((o) => o.name).sort()).toEqual([DISTRICT, ...DEPARTMENTS.map((d) => d.name)].sort());
    expect(seeded.users.map((u) => u.username)).toEqual(
      expect.arrayContaining(["admin", "kjj.editor", "kjj.reviewer", "kjj.signer", "gov.signer"]),
    );
  });

  it.skipIf(!enabled)("imports the fixture and leaves 2024 in every workflow state", async () => {
    expect(seeded.fixtureImported).toBe(true);
    const admin = await findUserForLogin(test.db, "admin");
    const all = await listReports(test.db, { scopePath: admin!.orgPath });
    expect(all).toHaveLength(seeded.reports);
    const science2021 = all.find((r) => r.year === 2021 && r.orgName === "示范区科学技术局");
    expect(science2021?.status).toBe("draft");
    expect(all.filter((r) => r.year < 2024 && r !== science2021).every((r) => r.status === "published")).toBe(true);
    const states2024 = new Set(all.filter((r) => r.year === 2024).map((r) => r.status));
    expect([...states2024].sort()).toEqual(["draft", "published", "reviewed", "signed", "submitted"]);
    expect(all.some((r) => r.year === 2024 && r.summary.error > 0)).toBe(true);
  });

  it.skipIf(!enabled)("does nothing on a database that already has users", async () => {
    expect(await seedDemo(test.db, { adminPassword: "other-password-2", passwordHashing: FAST_HASHING })).toEqual({
      created: false,
      users: [],
      reports: 0,
    });
  });
});
