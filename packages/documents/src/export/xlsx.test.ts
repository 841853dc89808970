import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getFormat, type ReportDocument } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import { exportXlsx } from "./xlsx";
import { fixtureReport, originCells, withNulls } from "../test-support/export";

async function load(doc: ReportDocument, lang: "zh" | "en" = "zh") {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await exportXlsx(doc, { lang })) as unknown as ArrayBuffer);
  return workbook;
}

function address(sheet: ExcelJS.Worksheet, row: number, column: number): string {
  return sheet.getCell(row, column).address;
}

function dataRows(sheet: ExcelJS.Worksheet) {
  const rows: { id: string; label: string; value: ExcelJS.CellValue; cell: ExcelJS.Cell }[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cell = row.getCell(3);
    rows.push({ id: String(row.getCell(1).value), label: String(row.getCell(2).value), value: cell.value, cell });
  });
  return rows;
}

describe("Excel export", () => {
  it("has the text sheet, one sheet per table named after its section, and the data sheet", async () => {
    const workbook = await load(fixtureReport());
    const tableHeadings = getFormat("2021")
      .def.sections.filter((s) => s.kind === "table")
      .map((s) => s.heading.zh);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["正文", ...tableHeadings, "数据"]);
    const text = workbook.getWorksheet("正文")!;
    const lines = text.getColumn(1).values.filter((v) => typeof v === "string");
    expect(lines[0]).toBe("台儿庄区科技局2021年政府信息公开工作年度报告");
    expect(lines).toContain("一、总体情况");
    expect(lines).toContain("六、其他需要报告的事项");
    expect(lines.slice(-2)).toEqual(["台儿庄区科技局", "2022年1月28日"]);
  });

  it("draws each table in the official layout: every merge, labels, values as numbers, borders", async () => {
    const doc = fixtureReport();
    const format = getFormat("2021");
    const workbook = await load(doc);
    format.layouts.forEach((layout, t) => {
      const sheet = workbook.worksheets[t + 1]!;
      const expected = [address(sheet, 1, 1) + ":" + address(sheet, 1, layout.columns)];
      originCells(layout).forEach((cells, r) =>
        cells.forEach(({ cell, column }) => {
          const row = r + 2;
          const target = sheet.getCell(row, column + 1);
          if (cell.rowspan > 1 || cell.colspan > 1) {
            expected.push(`${address(sheet, row, column + 1)}:${address(sheet, row + cell.rowspan - 1, column + cell.colspan)}`);
          }
          if (cell.role === "data") {
            const def = format.cellById.get(cell.cellId!)!;
            let value: unknown = doc.tables;
            for (const key of def.path) value = (value as Record<string, unknown>)[key];
            if (def.kind === "money") expect(target.value).toBe(Number(value));
            else expect(target.value).toBe(value);
          } else {
            expect(target.value).toBe(cell.label!.zh);
            expect(target.alignment?.wrapText).toBe(true);
          }
          expect(target.border?.top?.style).toBe("thin");
        }),
      );
      expect([...sheet.model.merges].sort()).toEqual(expected.sort());
      expect(sheet.columns).toHaveLength(layout.columns);
    });
    const applications = workbook.worksheets[2]!;
    expect(applications.pageSetup.printTitlesRow).toBe("2:4");
    expect(applications.pageSetup.paperSize).toBe(9);
  });

  it("has a flat data sheet: cell id, label path, value for every cell", async () => {
    const doc = withNulls(fixtureReport(), ["applications.newReceived.natural"]);
    const workbook = await load(doc);
    const sheet = workbook.getWorksheet("数据")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "单元格编号", "项目", "数值"]);
    const rows = dataRows(sheet);
    const cells = getFormat("2021").cells;
    expect(rows.map((r) => r.id)).toEqual(cells.map((c) => c.id));
    expect(rows[0]!.label).toBe("第二十条第（一）项 / 规章 / 本年制发件数");
    const natural = rows.find((r) => r.id === "applications.newReceived.natural")!;
    expect(natural.value).toBeNull();
    const total = rows.find((r) => r.id === "applications.newReceived.total")!;
    expect(typeof total.value).toBe("number");
    expect(sheet.autoFilter).toBeTruthy();
  });

  it("keeps money exact: a number when 15 digits hold it, text with a note when they do not", async () => {
    const doc = fixtureReport();
    const fees = (doc.tables as { activeDisclosure: { fees: { amount: string | null } } }).activeDisclosure.fees;
    fees.amount = "123456789012.3456"; // 16 significant digits: a double would round it
    let workbook = await load(doc);
    let row = dataRows(workbook.getWorksheet("数据")!).find((r) => r.id === "activeDisclosure.fees.amount")!;
    expect(row.value).toBe("123456789012.3456");
    expect(String(row.cell.note)).toContain("15");
    const layoutCell = workbook.worksheets[1]!.getColumn(2).values.find((v) => v === "123456789012.3456");
    expect(layoutCell).toBe("123456789012.3456");

    fees.amount = "12345678901.2345"; // 15 significant digits: exact as a number
    workbook = await load(doc);
    row = dataRows(workbook.getWorksheet("数据")!).find((r) => r.id === "activeDisclosure.fees.amount")!;
    expect(row.value).toBe(12345678901.2345);
  });

  it("writes the 2019 procurement amount with its unit", async () => {
    const doc = sampleReport({ seed: 3, year: 2020 });
    const workbook = await load(doc);
    const rows = dataRows(workbook.getWorksheet("数据")!);
    const unit = rows.find((r) => r.id === "activeDisclosure.centralizedProcurement.totalAmountUnit")!;
    expect(unit.value).toBe("元");
    expect(unit.label).toBe("第二十条第（九）项 / 政府集中采购 / 采购总金额 / 单位");
    expect(rows).toHaveLength(getFormat("2019").cells.length + 1);
    // The amount stays a number; its column's header states the unit.
    const sheet = workbook.worksheets[1]!;
    const values: ExcelJS.CellValue[] = [];
    sheet.eachRow((r) => r.eachCell((c) => values.push(c.value)));
    expect(values).toContain("采购总金额（单位：元）");
    const amount = (doc.tables as { activeDisclosure: { centralizedProcurement: { totalAmount: string } } }).activeDisclosure
      .centralizedProcurement.totalAmount;
    expect(values).toContain(Number(amount));
  });

  it("renders English sheet names and labels with lang en", async () => {
    const workbook = await load(fixtureReport(), "en");
    expect(workbook.worksheets[0]!.name).toBe("Text");
    expect(workbook.worksheets.at(-1)!.name).toBe("Data");
    expect(workbook.worksheets.every((s) => s.name.length <= 31)).toBe(true);
    expect(workbook.getWorksheet("Data")!.getRow(1).values).toEqual([undefined, "cell_id", "label_path", "value"]);
  });
});
