/**
 * Rows of values printed without their labels (a conversion that strings the labels together lines
 * away), placed by where they stand only when the form's order of rows leaves one reading.
 */
import { describe, expect, it } from "vitest";
import { getCell } from "@nianbao/core";
import { importReport } from "./index";
import { utf8 } from "../test-support/import";

const COLUMNS = ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg", "total"];
const row = (doc: Parameters<typeof getCell>[0], id: string) => COLUMNS.map((c) => getCell(doc, `applications.${id}.${c}`));
const cells = (...xs: (string | number)[]) => `| ${xs.join(" | ")} |`;
const NULLS = Array(7).fill(null);

async function read(lines: string[]) {
  const text = ["某某市科学技术委员会2024年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", ...lines].join("\n");
  const { report, findings } = await importReport(utf8(text));
  return {
    report,
    position: findings.filter((f) => f.ruleId === "IMPORT-POSITION"),
    extra: findings.filter((f) => f.ruleId === "IMPORT-EXTRA-ROW"),
  };
}

describe("rows of values without their labels", () => {
  it("places the one row the form has between two rows read by their labels, and says so", async () => {
    const { report, position } = await read([
      cells("（一）予以公开", 9, 0, 0, 0, 0, 0, 9),
      "（二）部分公开（区分处理的，只", // the label, cut and parted from its values by the conversion
      cells(2, 1, 0, 0, 0, 0, 3),
      cells("1.属于国家秘密", 0, 0, 0, 0, 0, 0, 0),
    ]);
    expect(row(report, "results.partial")).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(position).toHaveLength(1);
    expect(position[0]!.message).toContain("位于“（一）予以公开”与“1.属于国家秘密”两行之间");
  });

  it("places a run of such rows in order when the form has exactly as many rows between", async () => {
    const { report, position } = await read([
      cells("8.属于行政查询事项", 0, 0, 0, 0, 0, 0, 0),
      "1.本机关不掌握相关政 2.没有现成信息需要另 3.补正后申请内容仍不",
      cells(4, 0, 0, 0, 0, 0, 4),
      cells(6, 0, 0, 0, 0, 0, 6),
      cells(0, 0, 0, 0, 0, 0, 0),
      cells("1.信访举报投诉类申请", 0, 0, 0, 0, 0, 0, 0),
    ]);
    expect(row(report, "results.unableToProvide.noInfo")).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(row(report, "results.unableToProvide.needCreation")).toEqual([6, 0, 0, 0, 0, 0, 6]);
    expect(row(report, "results.unableToProvide.unclear")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(position).toHaveLength(3);
  });

  it("leaves them null when their number differs from the rows the form has there", async () => {
    const { report, position, extra } = await read([
      cells("8.属于行政查询事项", 0, 0, 0, 0, 0, 0, 0),
      cells(4, 0, 0, 0, 0, 0, 4),
      cells(6, 0, 0, 0, 0, 0, 6),
      cells("1.信访举报投诉类申请", 0, 0, 0, 0, 0, 0, 0),
    ]);
    for (const id of ["noInfo", "needCreation", "unclear"]) expect(row(report, `results.unableToProvide.${id}`)).toEqual(NULLS);
    expect(position).toEqual([]);
    expect(extra).toHaveLength(2);
  });

  it("leaves it null when a row it could be was read elsewhere, or a row between names nothing certain", async () => {
    // 2. is printed with its label further down: the row between 1. and 3. is not certainly 2.
    const moved = await read([
      cells("1.属于国家秘密", 0, 0, 0, 0, 0, 0, 0),
      cells(5, 0, 0, 0, 0, 0, 5),
      cells("3.危及“三安全一稳定”", 0, 0, 0, 0, 0, 0, 0),
      cells("2.其他法律行政法规禁止公开", 1, 0, 0, 0, 0, 0, 1),
    ]);
    expect(moved.position).toEqual([]);
    expect(row(moved.report, "results.denied.lawForbidden")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    // A row whose label names two rows stands between: no row is placed across it.
    const across = await read([
      cells("4.无正当理由大量反复申请", 0, 0, 0, 0, 0, 0, 0),
      cells(0, 0, 0, 0, 0, 0, 0),
      cells("行政机关不再处理其政府信息公", 40, 1, 0, 0, 2, 0, 43),
      cells("3.其他", 264, 12, 0, 0, 0, 0, 276),
    ]);
    expect(across.position).toEqual([]);
    expect(row(across.report, "results.notProcessed.confirmInfo")).toEqual(NULLS);
  });

  it("splits a line holding the values of several rows when each piece adds up and the rows after fit the gap", async () => {
    // As plain pdftotext gives 淮安's 2024 report: 二's label, then 二's, (一)'s and (二)'s values on one line.
    const line = "二、上年结转政府信息公开申请数量 34 0 0 0 0 0 34 1288 21 0 0 50 3 1362 447 7 0 0 0 0 454";
    const { report, position } = await read([line, cells("1.属于国家秘密", 2, 0, 0, 0, 0, 0, 2)]);
    expect(row(report, "carriedOver")).toEqual([34, 0, 0, 0, 0, 0, 34]);
    expect(row(report, "results.granted")).toEqual([1288, 21, 0, 0, 50, 3, 1362]);
    expect(row(report, "results.partial")).toEqual([447, 7, 0, 0, 0, 0, 454]);
    expect(position).toHaveLength(2);
  });

  it("leaves such a line null when its other rows have no place, or a piece does not add up", async () => {
    const valueCount = async (lines: string[]) => {
      const { findings } = await importReport(
        utf8(["某某局2024年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", ...lines].join("\n")),
      );
      return findings.filter((f) => f.ruleId === "IMPORT-VALUE-COUNT").length;
    };
    // Two years side by side: the next row follows at once, so the second piece has no row to be.
    const sideBySide = [
      "（一）予以公开 9 0 0 0 0 0 9 7 0 0 0 0 0 7",
      "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 0 1 0 0 0 0 0 0 0",
    ];
    const a = await read(sideBySide);
    expect(row(a.report, "results.granted")).toEqual(NULLS);
    expect(await valueCount(sideBySide)).toBe(2);
    // 1288 + 21 + 50 + 3 is 1362, not 1361: the cut between the rows is not certain.
    const b = await read([
      "二、上年结转政府信息公开申请数量 34 0 0 0 0 0 34 1288 21 0 0 50 3 1361 447 7 0 0 0 0 454",
      cells("1.属于国家秘密", 2, 0, 0, 0, 0, 0, 2),
    ]);
    expect(row(b.report, "carriedOver")).toEqual(NULLS);
    expect(row(b.report, "results.granted")).toEqual(NULLS);
    expect(b.position).toEqual([]);
  });
});
