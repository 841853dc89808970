import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, get, set, validDoc } from "../test-support/docs";
import { getFormat } from "../formats/index";
import { parseDecimal, formatDecimal } from "../money";
import type { ReportDocument } from "../schema/document";
import { sampleReport } from "../testing/sample";
import { validateReport } from "../validate";
import { aggregateReports } from "./aggregate";
import { draftNextYear } from "./draft";
import { reconcileReports } from "./reconcile";
import { reportMetrics, yearOverYear } from "./metrics";

const TABLE_RULE = /^T[234]/;
const seeds = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 8 });
const reports = (list: number[], year = 2023) => list.map((seed) => sampleReport({ seed, year, scale: 1 + (seed % 40) }));

function cellValues(result: ReturnType<typeof aggregateReports>) {
  return Object.fromEntries(Object.entries(result.cells).map(([id, c]) => [id, c.value]));
}

describe("aggregation laws (property tests)", () => {
  it("the roll-up of valid reports is valid", () => {
    fc.assert(
      fc.property(seeds, (list) => {
        const { report } = aggregateReports(reports(list));
        const errors = validateReport(report).filter((f) => f.severity === "error" && TABLE_RULE.test(f.ruleId));
        expect(errors).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("is commutative and associative: any grouping and order gives the same cells", () => {
    fc.assert(
      fc.property(seeds, seeds, fc.integer({ min: 0, max: 1000 }), (left, right, shuffleSeed) => {
        const docs = reports([...left, ...right]);
        const whole = cellValues(aggregateReports(docs));
        const shuffled = [...docs].sort(
          (x, y) => ((x.agency.name.length * 31 + shuffleSeed) % 7) - ((y.agency.name.length * 17 + shuffleSeed) % 5),
        );
        expect(cellValues(aggregateReports(shuffled))).toEqual(whole);
        const grouped = aggregateReports([
          aggregateReports(docs.slice(0, left.length)).report!,
          aggregateReports(docs.slice(left.length)).report!,
        ]);
        expect(cellValues(grouped)).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });

  it("sums money exactly, whatever the number of decimals", () => {
    const amount = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }));
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 30 }), (amounts) => {
        const docs = amounts.map(([units, scale], i) => {
          const doc = sampleReport({ seed: i + 1, year: 2022 });
          set(doc, "activeDisclosure.fees.amount", formatDecimal({ units, scale }));
          return doc;
        });
        // Independent reference: everything scaled to 10^-6 in one BigInt.
        const expected = amounts.reduce((sum, [units, scale]) => sum + units * 10n ** BigInt(6 - scale), 0n);
        const value = aggregateReports(docs).cells["activeDisclosure.fees.amount"]!.value as string;
        const d = parseDecimal(value)!;
        expect(d.units * 10n ** BigInt(6 - d.scale)).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it("a classic float trap: 0.1 + 0.2 万元 is 0.3", () => {
    const docs = ["0.1", "0.2"].map((v, i) => {
      const doc = sampleReport({ seed: i + 1, year: 2022 });
      set(doc, "activeDisclosure.fees.amount", v);
      return doc;
    });
    expect(aggregateReports(docs).cells["activeDisclosure.fees.amount"]!.value).toBe("0.3");
  });
});

describe("aggregateReports", () => {
  it("counts how many inputs gave each cell and leaves a cell unknown when one did not", () => {
    const docs = reports([1, 2, 3]);
    set(docs[1]!, "applications.carriedOver.research", null);
    const result = aggregateReports(docs);
    const cell = result.cells["applications.carriedOver.research"]!;
    expect(cell).toMatchObject({ value: null, reported: 2, missingInputs: [1] });
    expect(cell.partialSum).toBe(get(docs[0]!, "applications.carriedOver.research") + get(docs[2]!, "applications.carriedOver.research"));
    expect(result.cells["applications.carriedOver.natural"]!.reported).toBe(3);
    const incomplete = result.findings.filter((f) => f.ruleId === "AGG-INCOMPLETE");
    expect(incomplete.map((f) => f.cells)).toEqual([["applications.carriedOver.research"]]);
    expect(result.report!.tables.applications.carriedOver.research).toBeNull();
  });

  it("lists contributing inputs per cell on request", () => {
    const docs = reports([1, 2]);
    set(docs[0]!, "reviewLitigation.review.upheld", 0);
    set(docs[1]!, "reviewLitigation.review.upheld", 3);
    const result = aggregateReports(docs, { contributors: true });
    expect(result.cells["reviewLitigation.review.upheld"]!.contributors).toEqual([1]);
  });

  it("leaves out reports of another year, saying so", () => {
    const result = aggregateReports([...reports([1, 2], 2023), sampleReport({ seed: 3, year: 2022 })], { year: 2023 });
    expect(result.inputs).toBe(2);
    expect(result.findings.map((f) => f.ruleId)).toContain("AGG-YEAR");
  });

  it("sums 三 and 四 across 2019 and 2021, folding the 2021 （六） sub-rows into one", () => {
    const a2021 = sampleReport({ seed: 4, year: 2021 });
    const a2019 = sampleReport({ seed: 5, year: 2021, formatVersion: "2019" });
    const result = aggregateReports([a2021, a2019]);
    expect(result.formatVersion).toBe("mixed");
    expect(result.report).toBeNull();
    const other2021 = ["overdueCorrection", "overdueFee", "otherReasons"].reduce(
      (n, r) => n + get(a2021, `applications.results.other.${r}.total`),
      0,
    );
    expect(result.cells["applications.results.other.subtotal.total"]!.value).toBe(
      other2021 + get(a2019, "applications.results.other.subtotal.total"),
    );
    expect(result.cells["applications.results.other.subtotal.total"]!.reported).toBe(2);
    expect(Object.keys(result.cells).some((id) => id.startsWith("activeDisclosure."))).toBe(false);
    expect(Object.keys(result.cells)).toHaveLength(
      getFormat("2019").cells.length - getFormat("2019").cellsByTable.get("activeDisclosure")!.length,
    );
  });

  it("a failing roll-up points at the failing input", () => {
    const docs = reports([1, 2, 3]);
    add(docs[2]!, "applications.newReceived.natural", 1);
    add(docs[2]!, "applications.newReceived.total", 1);
    const failing = (d: ReportDocument) =>
      validateReport(d)
        .filter((f) => f.ruleId === "T3-BAL" && f.outcome === "failed")
        .map((f) => f.cells);
    expect(failing(aggregateReports(docs).report!)).toEqual(failing(docs[2]!));
  });
});

describe("draftNextYear", () => {
  it("carries 结转下年度继续办理 into 上年结转 and leaves everything else empty", () => {
    const doc = validDoc({ year: 2022 });
    const draft = draftNextYear(doc);
    expect(draft).toMatchObject({ year: 2023, formatVersion: "2021", agency: doc.agency, publishedAt: null });
    expect(draft.sections).toEqual({ overview: "", problems: "", other: "" });
    expect(draft.tables.applications.carriedOver).toEqual(doc.tables.applications.carriedForward);
    expect(draft.tables.applications.newReceived.natural).toBeNull();
    expect(get(draft, "activeDisclosure.normativeDocuments.inForce")).toBeNull();
  });

  it("crosses from the 2019 format (2020) to the 2021 format (2021)", () => {
    const doc = validDoc({ version: "2019", year: 2020 });
    const draft = draftNextYear(doc);
    expect(draft.formatVersion).toBe("2021");
    expect(draft.tables.applications.carriedOver).toEqual(doc.tables.applications.carriedForward);
  });

  it("in the 2019 format, also carries 上一年项目数量 (last year's items plus the change)", () => {
    const doc = validDoc({ version: "2019", year: 2019 });
    const draft = draftNextYear(doc);
    if (draft.formatVersion !== "2019" || doc.formatVersion !== "2019") throw new Error("expected 2019");
    const lic = doc.tables.activeDisclosure.licensing;
    expect(draft.tables.activeDisclosure.licensing.priorYearItems).toBe(lic.priorYearItems! + lic.netChange!);
    expect(draft.tables.activeDisclosure.licensing.netChange).toBeNull();
  });

  it("leaves a carried cell empty when last year's was empty", () => {
    const doc = validDoc();
    set(doc, "applications.carriedForward.research", null);
    expect(draftNextYear(doc).tables.applications.carriedOver.research).toBeNull();
  });
});

describe("metrics and reconciliation", () => {
  it("computes rates from the cells and year-over-year changes", () => {
    const doc = validDoc();
    const m = reportMetrics(doc);
    const handled = get(doc, "applications.results.totalProcessed.total");
    const disclosed = get(doc, "applications.results.granted.total") + get(doc, "applications.results.partial.total");
    expect(m.handled).toBe(handled);
    expect(m.disclosureRate).toBeCloseTo(disclosed / handled, 4);
    const previous = validDoc({ seed: 99, year: 2021 });
    const yoy = yearOverYear(doc, previous);
    expect(yoy.received.change).toBe(get(doc, "applications.newReceived.total") - get(previous, "applications.newReceived.total"));
  });

  it("a ratio over nothing is null, not 0 or NaN", () => {
    const doc = validDoc();
    set(doc, "applications.results.totalProcessed.total", 0);
    set(doc, "reviewLitigation.review.pending", null);
    const m = reportMetrics(doc);
    expect(m.disclosureRate).toBeNull();
    expect(m.reviewCorrectionRate).toBeNull();
  });

  it("reconciles a roll-up against the government's own report cell by cell", () => {
    const docs = reports([1, 2], 2022);
    const rollup = aggregateReports(docs).report!;
    const own = structuredClone(rollup);
    add(own, "applications.newReceived.natural", 2);
    set(own, "activeDisclosure.fees.amount", "1.5");
    const diff = reconcileReports(rollup, own);
    expect(diff.map((d) => d.cellId)).toEqual(["activeDisclosure.fees.amount", "applications.newReceived.natural"]);
    expect(diff[1]).toMatchObject({ difference: 2 });
    expect(diff[1]!.label).toBe("一、本年新收政府信息公开申请数量/自然人");
  });
});
