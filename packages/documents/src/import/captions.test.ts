/**
 * Lines printed just above a small table, inside a table's section, as a PDF-to-Markdown conversion
 * gives them: a row label cut off its values ("（二）部分公开（区分处理的，只计这一情" / "形，不计其他情形）"
 * over "| 2 | 0 | … |"). The caption is the row's label only where nothing else can be meant.
 */
import { describe, expect, it } from "vitest";
import { getCell } from "@nianbao/core";
import { importReport } from "./index";
import { utf8 } from "../test-support/import";

const COLUMNS = ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg", "total"];
const row = (doc: Parameters<typeof getCell>[0], id: string) => COLUMNS.map((c) => getCell(doc, `applications.${id}.${c}`));
const cells = (...xs: (string | number)[]) => `| ${xs.join(" | ")} |`;
const RULE = cells(...Array(7).fill("---"));

function page(lines: string[]): Uint8Array {
  return utf8(["某某市人民政府办公厅2025年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", ...lines].join("\n"));
}

describe("a row label printed as a caption above its values", () => {
  it("reads the caption as the label of the label-less row just below it", async () => {
    const { report: doc, findings } = await importReport(
      page([
        cells("一、本年新收政府信息公开申请数量", 1259, 36, 0, 0, 0, 0, 1295),
        RULE,
        cells("（一）予以公开", 201, 5, 0, 0, 0, 0, 206),
        "",
        "（二）部分公开（区分处理的，只计这一情",
        "形，不计其他情形）",
        cells(2, 0, 0, 0, 0, 0, 2),
        RULE,
        cells("1.属于国家秘密", 4, 0, 0, 0, 0, 0, 4),
      ]),
    );
    expect(row(doc, "results.partial")).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(row(doc, "results.granted")).toEqual([201, 5, 0, 0, 0, 0, 206]);
    expect(row(doc, "results.denied.stateSecret")).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(findings.some((f) => f.ruleId === "IMPORT-EXTRA-ROW")).toBe(false);
  });

  it("does not take the words above a row for its label when the row before had none (labels after values)", async () => {
    // Here each label follows its values: the words above the second row are the first row's.
    const { report: doc } = await importReport(
      page([
        cells(3, 0, 0, 0, 0, 0, 3),
        "",
        "（一）予以公开",
        cells(1, 0, 0, 0, 0, 0, 1),
        "",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
      ]),
    );
    expect(row(doc, "results.granted")).toEqual(Array(7).fill(null));
    expect(row(doc, "results.partial")).toEqual(Array(7).fill(null));
  });

  it("does not place a row under a caption that strings several labels together (regression: a wrong row)", async () => {
    // As converted from a PDF whose label column wrapped: the caption holds the labels of two rows,
    // 5.属于三类内部事务信息 (whose values these are) and 1.本机关不掌握相关政府信息 (the longer label).
    const { report: doc, findings } = await importReport(
      page([
        cells("4.保护第三方合法权益", 0, 0, 0, 0, 0, 0, 0),
        "",
        "（三）不",
        "予公开",
        "5.属于三类内部事务信",
        "息",
        "1.本机关不掌握相关政",
        "府信息",
        cells(1, 0, 0, 0, 0, 0, 1),
        RULE,
        cells("6.属于四类过程性信息", 1, 0, 0, 0, 0, 0, 1),
      ]),
    );
    // The caption names no row; the row's place between 4. and 6. does (positions.ts), and says so.
    expect(row(doc, "results.unableToProvide.noInfo")).toEqual(Array(7).fill(null));
    expect(row(doc, "results.denied.internalAffairs")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(doc, "results.denied.processInfo")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(findings.filter((f) => f.ruleId === "IMPORT-POSITION").map((f) => f.cells[0])).toEqual([
      "applications.results.denied.internalAffairs.natural",
    ]);
  });

  it("does not place a row under a caption that names only a group heading", async () => {
    const { report: doc } = await importReport(
      page([cells("（一）予以公开", 1, 0, 0, 0, 0, 0, 1), "", "（三）不予公开", cells(4, 0, 0, 0, 0, 0, 4)]),
    );
    for (const item of ["stateSecret", "lawForbidden", "adminQuery"])
      expect(row(doc, `results.denied.${item}`)).toEqual(Array(7).fill(null));
  });
});
