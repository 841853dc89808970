import { describe, expect, it } from "vitest";
import { FORMAT_VERSIONS, getFormat } from "../formats/index";
import { createEmptyReport, getCell } from "../schema/values";
import { sampleReport } from "../testing/index";
import { validateReport } from "../validate";
import { applyComputedTotals, computedTotals, computedTotalsAgree, computeTotals } from "./computed";
import { withCellValues } from "./document";

const agency = { name: "测试局", kind: "department" as const };

describe("computed totals", () => {
  it("are the totals of tables 三 and 四, derived from the identities", () => {
    const totals = computedTotals("2021");
    const ids = new Set(totals.byId.keys());
    // Every row's 总计 column, every column of （七）总计, and the three 复议/诉讼 totals.
    expect(ids.has("applications.newReceived.total")).toBe(true);
    expect(ids.has("applications.results.denied.stateSecret.total")).toBe(true);
    expect(ids.has("applications.results.totalProcessed.natural")).toBe(true);
    expect(ids.has("applications.results.totalProcessed.total")).toBe(true);
    expect(ids.has("reviewLitigation.review.total")).toBe(true);
    expect(ids.has("reviewLitigation.litigationAfterReview.total")).toBe(true);
    // Not totals: figures typed from paper, and 四、结转下年度 (T3-BAL has two cells on its stated side).
    expect(ids.has("applications.newReceived.natural")).toBe(false);
    expect(ids.has("applications.carriedForward.natural")).toBe(false);
    expect(ids.has("activeDisclosure.regulations.inForce")).toBe(false);
    const dataRows = getFormat("2021")
      .cellsByTable.get("applications")!
      .filter((c) => c.column === "total").length;
    expect(ids.size).toBe(dataRows + 6 + 3);
  });

  it("order addends before the totals that use them, in both formats", () => {
    for (const version of FORMAT_VERSIONS) {
      const { order } = computedTotals(version);
      const position = new Map(order.map((def, i) => [def.cellId, i]));
      for (const def of order) {
        for (const addend of def.addends) {
          if (position.has(addend)) expect(position.get(addend)!).toBeLessThan(position.get(def.cellId)!);
        }
      }
    }
  });

  it("fill a report whose typed cells are all given so that every identity they cover holds", () => {
    const report = sampleReport({ seed: 7, year: 2023 });
    const blanked = withCellValues(
      report,
      [...computedTotals("2021").byId.keys()].map((id) => [id, null] as const),
    );
    const filled = applyComputedTotals(blanked);
    expect(filled.tables).toEqual(report.tables);
    const findings = validateReport(filled, { mode: "filing" }).filter((f) => /^T[34]-/.test(f.ruleId));
    expect(findings).toEqual([]);
  });

  it("leave a total empty while any of its addends is empty, never inventing 0", () => {
    const empty = createEmptyReport({ year: 2024, agency });
    const partly = withCellValues(empty, [
      ["applications.newReceived.natural", 3],
      ["applications.newReceived.commercial", 2],
    ]);
    const totals = computeTotals(partly);
    expect(totals.get("applications.newReceived.total")).toBeNull();
    const all = withCellValues(
      partly,
      ["research", "publicInterest", "legalService", "otherOrg"].map((c) => [`applications.newReceived.${c}`, 0] as const),
    );
    expect(getCell(applyComputedTotals(all), "applications.newReceived.total")).toBe(5);
  });

  it("are on for a report whose stored totals are empty or already equal their sums, off otherwise", () => {
    const report = sampleReport({ seed: 3, year: 2022 });
    expect(computedTotalsAgree(report)).toBe(true);
    expect(computedTotalsAgree(createEmptyReport({ year: 2024, agency }))).toBe(true);
    const typedOver = withCellValues(report, [["applications.newReceived.total", 9999]]);
    expect(computedTotalsAgree(typedOver)).toBe(false);
    // A stored total whose addends are partly empty would be lost: not on.
    const lost = withCellValues(report, [["reviewLitigation.review.upheld", null]]);
    expect(computedTotalsAgree(lost)).toBe(false);
  });
});
