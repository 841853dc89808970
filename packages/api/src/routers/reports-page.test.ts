/**
 * reports.page over a small synthetic nation: following the cursor from page to page gives every
 * report of the year in the subtree exactly once, in organisation path order, whatever the page size
 * and status filter, and a cursor cannot reach outside the caller's subtree.
 */
import { listReports, listSubtree } from "@nianbao/db";
import { TEST_DIALECTS } from "@nianbao/db/testing";
import { describe, expect, it } from "vitest";
import { type Nation, useNation } from "../test-support/nation";

const YEAR = 2024;

describe.each(TEST_DIALECTS)("reports.page on $dialect", ({ dialect, enabled }) => {
  const nation = useNation(dialect, enabled, { counties: 3, provinces: 2, departmentsPerCounty: 5, year: YEAR, seed: 3 });

  /** Every page from the first, following nextCursor. */
  async function allPages(input: Omit<Parameters<Nation["call"]["reports"]["page"]>[0], "cursor">) {
    const pages: Awaited<ReturnType<Nation["call"]["reports"]["page"]>>[] = [];
    let cursor: string | undefined;
    do {
      const page = await nation.call.reports.page({ ...input, ...(cursor ? { cursor } : {}) });
      pages.push(page);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return pages;
  }

  /** The year's reports below (and of) an organisation, in path order by bytes, as reports.list reads them. */
  async function expected(orgId: string, status?: string[]) {
    const path = (await listSubtree(nation.db, "/")).find((o) => o.id === orgId)!.path;
    return (await listReports(nation.db, { scopePath: path, year: YEAR, limit: 1_000_000 }))
      .filter((r) => !status || status.includes(r.status))
      .sort((a, b) => (a.orgPath < b.orgPath ? -1 : 1))
      .map((r) => r.id);
  }

  it.skipIf(!enabled)("walks the whole nation a page at a time, each report once, in organisation order", async () => {
    const want = await expected(nation.rootId);
    expect(want.length).toBeGreaterThan(20);
    const pages = await allPages({ orgId: nation.rootId, year: YEAR, limit: 7 });
    expect(pages.length).toBe(Math.ceil(want.length / 7));
    expect(pages.slice(0, -1).every((p) => p.items.length === 7 && p.nextCursor !== null)).toBe(true);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(want);
    const one = await nation.call.reports.page({ orgId: nation.rootId, year: YEAR, limit: 500 });
    expect(one.items.map((i) => i.id)).toEqual(want);
    expect(one.nextCursor).toBeNull();
    // The items are what reports.list says of the same reports.
    const listed = new Map((await nation.call.reports.list({ orgId: nation.rootId, year: YEAR })).map((r) => [r.id, r]));
    for (const item of one.items) expect(item).toEqual(listed.get(item.id));
  });

  it.skipIf(!enabled)("filters by status and starts at the organisation's own report", async () => {
    const province = (await listSubtree(nation.db, "/")).find((o) => o.parentId === nation.rootId)!;
    const status = ["published", "signed"];
    const pages = await allPages({ orgId: province.id, year: YEAR, status: ["published", "signed"], limit: 3 });
    const got = pages.flatMap((p) => p.items);
    expect(got.map((i) => i.id)).toEqual(await expected(province.id, status));
    expect(got.every((i) => status.includes(i.status))).toBe(true);
    const first = await nation.call.reports.page({ orgId: province.id, year: YEAR, limit: 1 });
    expect(first.items.map((i) => i.orgId)).toEqual([province.id]);
  });

  it.skipIf(!enabled)("keeps a cursor from elsewhere inside the caller's subtree", async () => {
    const provinces = (await listSubtree(nation.db, "/"))
      .filter((o) => o.parentId === nation.rootId)
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    const [first, second] = provinces;
    // A cursor naming a path before the second province (the first province's) cannot bring the first's reports in.
    const cursor = Buffer.from(first!.path, "utf8").toString("base64url");
    const page = await nation.call.reports.page({ orgId: second!.id, year: YEAR, cursor, limit: 500 });
    expect(page.items.map((i) => i.id)).toEqual(await expected(second!.id));
  });

  it.skipIf(!enabled)("refuses a cursor that is not one it gave", async () => {
    for (const cursor of [
      "not base64!",
      Buffer.from("no-path", "utf8").toString("base64url"),
      Buffer.from("/a\u0000/", "utf8").toString("base64url"),
    ]) {
      await expect(nation.call.reports.page({ orgId: nation.rootId, year: YEAR, cursor })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
  });
});
