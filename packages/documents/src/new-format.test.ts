/**
 * A new national format is a data change. A trial format — the 2021 format with 规章 renamed and an
 * applicant column added — is registered while the test runs, and with no code edited anywhere its
 * documents parse, validate (every identity fires on a break, checks find their cells by role), export
 * to Word and JSON and import back, roll up, and draft the next year.
 */
import { describe, expect, it } from "vitest";
import {
  aggregateReports,
  cellEntries,
  draftNextYear,
  type FormatDefinition,
  FORMAT_VERSIONS,
  format2021,
  formatVersionForYear,
  getFormat,
  type HeaderCellDef,
  linearInstances,
  type MatrixTableDef,
  registerFormat,
  type ReportDocument,
  reportDocumentSchema,
  rulesFor,
  tablesWithoutRules,
  validateReport,
} from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import { type ExportFormat, exportReport } from "./export/index";
import { importReport } from "./import/index";

const l = (zh: string, en: string) => ({ zh, en });
const SELF_EMPLOYED = { id: "selfEmployed", label: l("个体工商户", "Sole traders"), kind: "count", group: null } as const;

/** 2021's applications table with a 个体工商户 column before 总计, in the columns and the printed header. */
function applicationsWithColumn(table: MatrixTableDef): MatrixTableDef {
  const [top, middle, bottom] = table.headerGrid as [HeaderCellDef[], HeaderCellDef[], HeaderCellDef[]];
  const total = middle.length - 1;
  return {
    ...table,
    columns: [...table.columns.slice(0, -1), SELF_EMPLOYED, table.columns[table.columns.length - 1]!],
    columnGroups: table.columnGroups.map((g) =>
      g.id === "applicants" ? { ...g, members: [...g.members.slice(0, -1), "selfEmployed", "total"] } : g,
    ),
    headerGrid: [
      top.map((cell, i) => (i === 1 ? { ...cell, colspan: cell.colspan! + 1 } : cell)),
      [...middle.slice(0, total), { label: SELF_EMPLOYED.label, rowspan: 2, column: "selfEmployed" }, middle[total]!],
      bottom,
    ],
  };
}

function trialFormat(version: string, extraTables: FormatDefinition["tables"] = []): FormatDefinition {
  const [active, applications, review] = format2021.tables;
  return {
    ...format2021,
    version,
    document: "政府信息公开工作年度报告格式（试用）",
    reportYears: { from: 2026, to: null },
    tables: [
      {
        ...active,
        blocks: active.blocks.map((block) => ({
          ...block,
          rows: block.rows.map((row) =>
            row.id === "regulations" ? { id: "governmentRules", label: l("政府规章", "Government rules") } : row,
          ),
        })),
      },
      applicationsWithColumn(applications),
      review,
      ...extraTables,
    ],
    roles: {
      ...format2021.roles,
      applicants: { ...format2021.roles.applicants, parts: [...format2021.roles.applicants.parts, "selfEmployed"] },
      regulations: "activeDisclosure.governmentRules",
    },
  };
}

const trial = registerFormat(trialFormat("2026"));
const sample = (seed: number, options: { kind?: "department" | "government"; year?: number } = {}) =>
  sampleReport({ seed, year: options.year ?? 2026, formatVersion: "2026" as never, agencyKind: options.kind ?? "department" });
const failed = (doc: unknown, ruleId: string, previous?: unknown) =>
  validateReport(doc, previous === undefined ? {} : { previous }).filter((f) => f.ruleId === ruleId && f.outcome === "failed");
const cellsOf = (doc: ReportDocument) => doc.tables as unknown as Record<string, Record<string, Record<string, unknown>>>;

describe("a format registered while running", () => {
  it("joins the registry: versions, the year it applies from, its cells", () => {
    expect(getFormat("2026")).toBe(trial);
    expect(FORMAT_VERSIONS).toEqual(["2019", "2021", "2026"]);
    expect(formatVersionForYear(2026)).toBe("2026");
    expect(formatVersionForYear(2025)).toBe("2021");
    expect(trial.cellById.has("applications.newReceived.selfEmployed")).toBe(true);
    expect(trial.cellById.has("activeDisclosure.governmentRules.inForce")).toBe(true);
    expect(trial.cellById.has("activeDisclosure.regulations.inForce")).toBe(false);
    expect(() => registerFormat(trialFormat("2026"))).toThrow(/already registered/);
    const stale = { ...trialFormat("2026-stale"), roles: { ...trialFormat("x").roles, regulations: "activeDisclosure.regulations" } };
    expect(() => registerFormat(stale)).toThrow(/roles name what it does not have: activeDisclosure\.regulations/);
    expect(FORMAT_VERSIONS).not.toContain("2026-stale");
  });

  it("gets the rules whose cells it has, and every table is checked", () => {
    expect(rulesFor("2026").map((r) => r.id)).toEqual(rulesFor("2021").map((r) => r.id));
    expect(tablesWithoutRules("2026")).toEqual([]);
  });

  it("a table that no rule checks is named, so a format added without its rules fails loudly", () => {
    const extra = { ...format2021.tables[0], id: "procurementDetail", section: "sections.other" } as const;
    registerFormat({ ...trialFormat("2026-extra"), reportYears: { from: 2100, to: null }, tables: [...trialFormat("x").tables, extra] });
    expect(tablesWithoutRules("2026-extra")).toEqual(["procurementDetail"]);
  });

  it("its documents match its schema, and a valid one has no findings to fix", () => {
    const doc = sample(3);
    expect(doc.formatVersion).toBe("2026");
    expect(reportDocumentSchema.safeParse(doc).success).toBe(true);
    expect(validateReport(doc).filter((f) => f.outcome === "failed")).toEqual([]);
    const stray = structuredClone(doc) as unknown as { tables: { activeDisclosure: Record<string, unknown> } };
    stray.tables.activeDisclosure.regulations = { issued: 0, repealed: 0, inForce: 0 };
    expect(reportDocumentSchema.safeParse(stray).success).toBe(false);
    expect(failed(stray, "R-VERSION").map((f) => f.path)).toEqual(["tables.activeDisclosure.regulations"]);
  });

  it("every table identity fires when its stated cell is one off, naming the instance's cells", () => {
    const current = linearInstances("2026").filter((i) => !i.rule.crossYear);
    expect(new Set(current.map((i) => i.rule.id))).toEqual(
      new Set(["T3-BAL", "T3-ROWTOTAL", "T3-RESULTSUM-2021", "T4-SUM-R", "T4-SUM-D", "T4-SUM-A"]),
    );
    for (const ruleId of new Set(current.map((i) => i.rule.id))) {
      const instance =
        current.find((i) => i.rule.id === ruleId && i.cells.some((c) => c.endsWith(".selfEmployed"))) ??
        current.find((i) => i.rule.id === ruleId)!;
      const stated = (instance.rule.stated === "lhs" ? instance.lhs : instance.rhs)[0]!;
      const doc = sample(5);
      const cell = trial.cellById.get(stated.cellId)!;
      const row = cellsOf(doc)[cell.table]!;
      const path = cell.path.slice(1);
      let node = row;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string, Record<string, unknown>>;
      (node as Record<string, unknown>)[path[path.length - 1]!] = (node[path[path.length - 1]!] as unknown as number) + 1;
      expect(
        failed(doc, ruleId).map((f) => f.cells),
        ruleId,
      ).toContainEqual(instance.cells);
    }
  });

  it("the cross-year identities fire too: 上年结转 in the added column, 现行有效 of the renamed row", () => {
    const doc = sample(31);
    const previous = sample(32, { year: 2025 });
    const before = cellsOf(previous);
    const now = cellsOf(doc);
    before.applications!.carriedForward = { ...now.applications!.carriedOver! };
    before.applications!.carriedForward!.selfEmployed = (now.applications!.carriedOver!.selfEmployed as number) + 1;
    for (const row of ["governmentRules", "normativeDocuments"]) {
      const r = now.activeDisclosure![row]!;
      before.activeDisclosure![row]!.inForce =
        (r.inForce as number) - (r.issued as number) + (r.repealed as number) + (row === "governmentRules" ? 3 : 0);
    }
    expect(failed(doc, "T3-CARRY", previous).map((f) => f.cells)).toEqual([["applications.carriedOver.selfEmployed"]]);
    const rules = ["issued", "repealed", "inForce"].map((c) => `activeDisclosure.governmentRules.${c}`);
    expect(failed(doc, "T2-INFORCE-ROLL", previous).map((f) => f.cells)).toEqual([rules]);
  });

  it("the applicant total includes the added column: 总计 = the seven applicant kinds", () => {
    const doc = sample(6);
    const granted = cellsOf(doc).applications!["results"] as unknown as Record<string, Record<string, number>>;
    granted.granted!.selfEmployed! += 1;
    const [finding] = failed(doc, "T3-ROWTOTAL");
    expect(finding!.cells).toContain("applications.results.granted.selfEmployed");
    expect(finding!.message).toMatch(/^予以公开行/);
    const bad = sample(6);
    (cellsOf(bad).applications!.newReceived as Record<string, unknown>).selfEmployed = "三";
    expect(failed(bad, "T3-INT").map((f) => f.cells)).toEqual([["applications.newReceived.selfEmployed"]]);
  });

  it("checks find the renamed row by its role and quote the format's own label", () => {
    const doc = sample(7);
    cellsOf(doc).activeDisclosure!.governmentRules!.issued = 2;
    const [finding] = failed(doc, "T2-REG-SCOPE");
    expect(finding!.cells).toEqual(["activeDisclosure.governmentRules.issued"]);
    expect(finding!.message).toContain("政府规章");
  });

  it("rolls up, and the roll-up of valid reports is valid", () => {
    const docs = [sample(11), sample(12), sample(13, { kind: "government" })];
    const result = aggregateReports(docs);
    expect(result.formatVersion).toBe("2026");
    const sum = docs.reduce((n, d) => n + (cellsOf(d).applications!.newReceived!.selfEmployed as number), 0);
    expect(result.cells["applications.newReceived.selfEmployed"]!.value).toBe(sum);
    expect(validateReport(result.report).filter((f) => f.severity === "error" && /^T[234]/.test(f.ruleId))).toEqual([]);
  });

  it("drafts next year: 上年结转 from 结转下年度 in every column, the added one too", () => {
    const doc = sample(14);
    const draft = draftNextYear(doc);
    expect(draft.formatVersion).toBe("2026");
    expect(draft.year).toBe(2027);
    const tables = cellsOf(draft);
    expect(tables.applications!.carriedOver).toEqual(cellsOf(doc).applications!.carriedForward);
    expect(tables.applications!.newReceived!.selfEmployed).toBeNull();
    expect(tables.activeDisclosure!.governmentRules!.inForce).toBeNull();
  });

  it.each(["docx", "json"] as const)("imports its own %s export back unchanged", async (kind: ExportFormat) => {
    const doc = sample(21);
    const exported = await exportReport(doc, kind);
    const { report, findings } = await importReport(exported.data, { filename: exported.filename });
    expect(report.formatVersion).toBe("2026");
    expect(cellEntries(report)).toEqual(cellEntries(doc));
    expect(report.sections).toEqual(doc.sections);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});
