import { describe, expect, it } from "vitest";
import { getFormat } from "../formats/index";
import { computedTotals } from "./computed";
import { gridModel } from "./grid";
import { readCellInput } from "./input";
import { parseClipboardTable, planPaste } from "./paste";

const format = getFormat("2021");
const grid = (tableId: string) => gridModel(format.layouts.find((l) => l.tableId === tableId)!);
const cell = (id: string) => format.cellById.get(id)!;

describe("reading a typed or pasted value", () => {
  const count = cell("applications.newReceived.natural");
  const fees = cell("activeDisclosure.fees.amount");

  it("accepts the ways figures are written in Chinese spreadsheets", () => {
    expect(readCellInput("１２３", count)).toEqual({ ok: true, value: 123 });
    expect(readCellInput("1,234", count)).toEqual({ ok: true, value: 1234 });
    expect(readCellInput("1，234", count)).toEqual({ ok: true, value: 1234 });
    expect(readCellInput("\u3000 7 ", count)).toEqual({ ok: true, value: 7 });
    expect(readCellInput("0", count)).toEqual({ ok: true, value: 0 });
    expect(readCellInput("12.5", fees)).toEqual({ ok: true, value: "12.5" });
    expect(readCellInput("0.0001", fees)).toEqual({ ok: true, value: "0.0001" });
  });

  it("reads every way of writing nothing as not given, never 0", () => {
    for (const blank of ["", " ", "-", "—", "/", "无", "\u3000"]) expect(readCellInput(blank, count)).toEqual({ ok: true, value: null });
  });

  it("refuses anything else, naming the cell by its labels in zh and en", () => {
    const refused = readCellInput("十二", count);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain("一、本年新收政府信息公开申请数量/自然人");
    const en = readCellInput("-3", count, "en");
    expect(en.ok).toBe(false);
    if (!en.ok) expect(en.message).toContain("I. New applications received this year / Natural persons");
    expect(readCellInput("1.5", count).ok).toBe(false);
    expect(readCellInput("12.34567", fees).ok).toBe(false);
    expect(readCellInput("abc", fees).ok).toBe(false);
  });
});

describe("clipboard text", () => {
  it("splits rows and cells, ignoring the line break after the last row", () => {
    expect(parseClipboardTable("1\t2\t3\r\n4\t5\t6\r\n")).toEqual([
      ["1", "2", "3"],
      ["4", "5", "6"],
    ]);
    expect(parseClipboardTable("7")).toEqual([["7"]]);
    expect(parseClipboardTable("1\t\t3\n")).toEqual([["1", "", "3"]]);
    expect(parseClipboardTable('"二、上年\n结转"\t4\n')).toEqual([["二、上年\n结转", "4"]]);
    expect(parseClipboardTable('"quoted ""x"""\t1')).toEqual([['quoted "x"', "1"]]);
    expect(parseClipboardTable("")).toEqual([]);
  });
});

describe("laying a block onto the grid", () => {
  const applications = grid("applications");

  it("maps by position from the focused cell, row by row over the data rows", () => {
    const rows = parseClipboardTable("1\t2\r\n3\t4\r\n");
    const plan = planPaste("2021", applications, "applications.newReceived.research", rows);
    expect(plan).toEqual({
      ok: true,
      edits: [
        ["applications.newReceived.research", 1],
        ["applications.newReceived.publicInterest", 2],
        ["applications.carriedOver.research", 3],
        ["applications.carriedOver.publicInterest", 4],
      ],
      computed: [],
      cells: [
        "applications.newReceived.research",
        "applications.newReceived.publicInterest",
        "applications.carriedOver.research",
        "applications.carriedOver.publicInterest",
      ],
    });
  });

  it("takes a whole table 三 copied from Excel, setting computed totals aside", () => {
    const text = applications.rows.map((row, r) => row.map((_, c) => String(r + c)).join("\t")).join("\r\n") + "\r\n";
    const computed = new Set(computedTotals("2021").byId.keys());
    const plan = planPaste("2021", applications, "applications.newReceived.natural", parseClipboardTable(text), { computed });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.edits.length + plan.computed.length).toBe(applications.cells.length);
    expect(plan.computed.every(([id]) => computed.has(id))).toBe(true);
    expect(plan.edits.some(([id]) => computed.has(id))).toBe(false);
  });

  it("refuses the whole block when one value is unreadable, naming row, column and cell", () => {
    const plan = planPaste("2021", applications, "applications.newReceived.natural", parseClipboardTable("1\t2\n3\tx\n"));
    expect(plan.ok).toBe(false);
    if (!plan.ok) {
      expect(plan.message).toContain("第2行第2列");
      expect(plan.message).toContain("二、上年结转政府信息公开申请数量/商业企业");
    }
  });

  it("refuses a block running past the table's right or bottom edge", () => {
    const wide = planPaste("2021", applications, "applications.newReceived.legalService", parseClipboardTable("1\t2\t3\t4\n"));
    expect(wide.ok).toBe(false);
    if (!wide.ok) expect(wide.message).toContain("右边界");
    const tall = planPaste("2021", applications, "applications.carriedForward.natural", parseClipboardTable("1\n2\n"));
    expect(tall.ok).toBe(false);
    if (!tall.ok) expect(tall.message).toContain("只有1行");
    const empty = planPaste("2021", applications, "applications.carriedForward.natural", parseClipboardTable("\n"));
    expect(empty.ok).toBe(false);
  });

  it("pastes a row of table 四 and the value column of table 二", () => {
    const four = grid("reviewLitigation");
    const row = four.cells.map((_, i) => String(i)).join("\t");
    const plan = planPaste("2021", four, four.cells[0]!.cellId, parseClipboardTable(row));
    expect(plan.ok && plan.edits.length).toBe(15);
    const two = grid("activeDisclosure");
    const column = planPaste("2021", two, "activeDisclosure.licensing.decisions", parseClipboardTable("5\n6\n7\n8.25\n"));
    expect(column.ok && column.edits).toEqual([
      ["activeDisclosure.licensing.decisions", 5],
      ["activeDisclosure.punishment.decisions", 6],
      ["activeDisclosure.coercion.decisions", 7],
      ["activeDisclosure.fees.amount", "8.25"],
    ]);
  });
});
