/**
 * The demo as `pnpm start` seeds it, on both dialects and at two clocks: the district and its
 * departments, reports that went through the real workflow (the working year in every state, published
 * earlier years), the seed fixture imported as the science bureau's 2021 report, and nothing done twice
 * on a database that has users. January 2025 is the demo as it has always been (2021–2024); December
 * 2027 works on 2026, three years on, with the 2021 fixture imported besides.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getCell, getFormat, type ReportDocument } from "@nianbao/core";
import { findUserForLogin, getRevision, listReports, listSubtree, type ReportListItem } from "@nianbao/db";
import { TEST_DIALECTS } from "@nianbao/db/testing";
import { suiteDb } from "@nianbao/db/testing/suite";
import { beforeAll, describe, expect, it } from "vitest";
import { DEPARTMENTS, DISTRICT, demoYears, seedDemo, type SeedResult } from "./index";

const FAST_HASHING = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
const FIXTURE = "seed-2021-district-science-bureau.txt";
const fixture = { data: readFileSync(join(import.meta.dirname, "..", "..", "..", "spec", "fixtures", FIXTURE)), filename: FIXTURE };
const SCIENCE = "示范区科学技术局";
const EDUCATION = "示范区教育局";

/** Where each organisation's report of the working year stands; the finance bureau has none. */
const WORKING_YEAR_STATUS: Record<string, string | undefined> = {
  [DISTRICT]: "published",
  ...Object.fromEntries(DEPARTMENTS.map((d) => [d.name, "published"])),
  [EDUCATION]: "draft",
  [SCIENCE]: "submitted",
  示范区公安分局: "reviewed",
  示范区民政局: "signed",
  示范区司法局: "draft",
  示范区财政局: undefined,
  示范区交通运输局: "draft",
  示范区市场监督管理局: "draft",
};

const CLOCKS = [
  // The clock the golden read responses pin: 2025-01-20 in China.
  { clock: "January 2025", now: Date.parse("2025-01-20T02:00:00Z"), years: [2021, 2022, 2023, 2024], reports: 55 },
  { clock: "December 2027", now: Date.parse("2027-12-15T02:00:00Z"), years: [2023, 2024, 2025, 2026], reports: 56 },
];

describe("the demo's years", () => {
  it("are the working year of its clock and the three before it, in China's calendar", () => {
    expect(demoYears(Date.parse("2025-01-20T02:00:00Z"))).toEqual([2021, 2022, 2023, 2024]);
    expect(demoYears(Date.parse("2026-12-02T09:00:00Z"))).toEqual([2022, 2023, 2024, 2025]);
    // Already 1 January 2027 in Beijing.
    expect(demoYears(Date.parse("2026-12-31T16:30:00Z"))).toEqual([2023, 2024, 2025, 2026]);
  });

  it("never start before 2021, the first year of the format the demo's reports are made in", () => {
    expect(demoYears(Date.parse("2020-06-01T00:00:00Z"))).toEqual([2021, 2022, 2023, 2024]);
  });
});

describe.each(TEST_DIALECTS)("the demo on $dialect", ({ dialect, enabled }) => {
  describe.each(CLOCKS)("seeded in $clock", ({ now, years, reports }) => {
    const test = suiteDb(dialect, enabled);
    const working = years.at(-1)!;
    let seeded: SeedResult;
    let all: ReportListItem[];
    beforeAll(async () => {
      if (!enabled) return;
      seeded = await seedDemo(test.db, { adminPassword: "demo-password-1", passwordHashing: FAST_HASHING, fixture, now });
      all = await listReports(test.db, { scopePath: (await findUserForLogin(test.db, "admin"))!.orgPath });
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

    it.skipIf(!enabled)("makes the four years up to the working one, and the science bureau's 2021 from the fixture", () => {
      expect(seeded.fixtureImported).toBe(true);
      expect(all).toHaveLength(seeded.reports);
      expect(seeded.reports).toBe(reports);
      expect([...new Set(all.map((r) => r.year))].sort()).toEqual([...new Set([2021, ...years])].sort());
      for (const org of [DISTRICT, ...DEPARTMENTS.map((d) => d.name)]) {
        const expected = WORKING_YEAR_STATUS[org] ? years : years.slice(0, -1);
        const own = all.filter((r) => r.orgName === org).map((r) => r.year);
        expect(own.sort(), org).toEqual(org === SCIENCE ? [...new Set([2021, ...expected])].sort() : expected);
      }
    });

    it.skipIf(!enabled)("leaves the working year in every workflow state and publishes the years before", () => {
      const science2021 = all.find((r) => r.year === 2021 && r.orgName === SCIENCE);
      expect(science2021?.status).toBe("draft");
      expect(all.filter((r) => r.year < working && r !== science2021).every((r) => r.status === "published")).toBe(true);
      const statuses = Object.fromEntries(all.filter((r) => r.year === working).map((r) => [r.orgName, r.status]));
      expect(statuses).toEqual(Object.fromEntries(Object.entries(WORKING_YEAR_STATUS).filter(([, status]) => status)));
      expect(all.some((r) => r.year === working && r.summary.error > 0)).toBe(true);
    });

    it.skipIf(!enabled)("corrects the education bureau's report of two years before the working one", () => {
      const education = (year: number) => all.find((r) => r.orgName === EDUCATION && r.year === year)!;
      // The correction is one more revision published on top of the first publication.
      expect(education(working - 2).publishedRevision).toBeGreaterThan(education(working - 3).publishedRevision!);
      expect(education(working - 2).publishedRevision).toBe(education(working - 2).currentRevision);
    });

    it.skipIf(!enabled)("continues the science bureau's first demo year from the fixture", async () => {
      const science = (year: number) => all.find((r) => r.orgName === SCIENCE && r.year === year)!;
      const first = years[0] === 2021 ? 2022 : years[0]!;
      const last = await getRevision(test.db, science(2021).id, science(2021).currentRevision);
      const next = await getRevision(test.db, science(first).id, science(first).currentRevision);
      const num = (document: ReportDocument, id: string) => (getCell(document, id) as number | null) ?? 0;
      // 上年结转 of the next report is the fixture's 结转下年度, column by column.
      for (const column of ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg"]) {
        expect(num(next.document, `applications.carriedOver.${column}`), column).toBe(
          num(last.document, `applications.carriedForward.${column}`),
        );
      }
      // 现行有效件数 rolls on from the fixture's. (The fixture's figures are all 0, so a year that did not
      // continue from it would keep the sample's own 上年结转 and 现行有效, which are not.)
      const inForce = getFormat(next.document.formatVersion).cells.filter((c) => c.column === "inForce");
      for (const { table, row } of inForce) {
        const rolled = num(last.document, `${table}.${row}.inForce`) + num(next.document, `${table}.${row}.issued`);
        expect(num(next.document, `${table}.${row}.inForce`), `${table}.${row}`).toBe(
          Math.max(0, rolled - num(next.document, `${table}.${row}.repealed`)),
        );
      }
    });

    it.skipIf(!enabled)("does nothing on a database that already has users", async () => {
      expect(await seedDemo(test.db, { adminPassword: "other-password-2", passwordHashing: FAST_HASHING, now })).toEqual({
        created: false,
        users: [],
        reports: 0,
      });
    });
  });
});
