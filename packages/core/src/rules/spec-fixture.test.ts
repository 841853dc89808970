/**
 * The real-world test vector of formats.json: the 2019 report of 上海市人民政府办公厅 (FORMATS.md §4.7).
 * Its tables balance; its text contradicts its table (258 vs 275 disclosed, 265 vs 337 unable to provide).
 */
import { describe, expect, it } from "vitest";
import { readSpecJson } from "../test-support/spec";
import { getFormat } from "../formats/index";
import type { ReportDocument } from "../schema/document";
import { emptyTables, writeCell } from "../schema/values";
import { validateReport } from "../validate";

function fixtureDocument(): ReportDocument {
  const fixture = readSpecJson().fixtures.find((f) => f.id === "shanghai-gov-office-2019")!;
  const format = getFormat(fixture.formatVersion);
  const tables = emptyTables(fixture.formatVersion) as unknown as Record<string, unknown>;
  // The fixture writes applications rows as flat keys ("results.granted"); cell ids say the same thing.
  for (const table of ["activeDisclosure", "applications", "reviewLitigation"] as const) {
    const rows = fixture[table] as Record<string, Record<string, unknown>>;
    for (const [row, cols] of Object.entries(rows)) {
      for (const [col, value] of Object.entries(cols)) {
        const cell = format.cellById.get(`${table}.${row}.${col}`);
        if (cell) writeCell(tables, cell, value as number);
        else if (col === "totalAmountUnit") (tables[table] as Record<string, Record<string, unknown>>)[row]![col] = value;
        else throw new Error(`fixture cell ${table}.${row}.${col} is not in the ${fixture.formatVersion} format`);
      }
    }
  }
  return {
    formatVersion: fixture.formatVersion,
    year: fixture.year,
    agency: { name: fixture.agency, kind: "department" },
    publishedAt: fixture.publishedAt,
    sections: {
      overview:
        "本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。全年共收到政府信息公开申请859件，" +
        "其中予以公开及部分公开258件，无法提供265件。",
      problems: "政府信息公开工作还存在一些不足，下一步将继续改进。",
      other: "无。",
    },
    tables,
  } as ReportDocument;
}

describe("the Shanghai 2019 test vector of formats.json", () => {
  it("has no errors: every identity of the 2019 format holds", () => {
    const errors = validateReport(fixtureDocument()).filter((f) => f.severity === "error");
    expect(errors).toEqual([]);
  });

  it("its text contradicts its table exactly where the spec says (T3-TEXT)", () => {
    const text = validateReport(fixtureDocument()).filter((f) => f.ruleId === "T3-TEXT");
    expect(text.map((f) => [f.actual, f.expected])).toEqual([
      [258, 275],
      [265, 337],
    ]);
  });

  it("the published table, with its blank 总计 cells, fails T3-COMPLETE", () => {
    const doc = fixtureDocument();
    const format = getFormat("2019");
    writeCell(doc.tables as never, format.cellById.get("applications.results.granted.total")!, null);
    const complete = validateReport(doc).filter((f) => f.ruleId === "T3-COMPLETE");
    expect(complete.map((f) => f.cells)).toEqual([["applications.results.granted.total"]]);
  });
});
