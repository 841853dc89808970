/**
 * Run-together rows ("640020470" for 64, 0, 0, 2, 0, 4, 70): a reading is used only when the table's
 * own identities, evaluated with the rest of the table, leave exactly one.
 */
import { describe, expect, it } from "vitest";
import { getCell } from "@nianbao/core";
import { MAX_READINGS, splitReadings } from "./assemble/runs";
import { importReport } from "./index";
import { utf8 } from "../test-support/import";

const COLUMNS = ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg", "total"];
const row = (report: Parameters<typeof getCell>[0], id: string) => COLUMNS.map((c) => getCell(report, `applications.${id}.${c}`));

function report(lines: string[]): Uint8Array {
  return utf8(["某某局2021年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", ...lines].join("\n"));
}

/** Table 三 with 一 and （七）总计 as given and 二, 四 all 0: 一 + 二 = 三 + 四 then ties 一 to 总计. */
function withTotal(newReceived: string, total: string): Uint8Array {
  const zeros = "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |";
  return report([
    `| 一、本年新收政府信息公开申请数量 | ${newReceived} |`,
    `| 二、上年结转政府信息公开申请数量 ${zeros}`,
    `| （七）总计 | ${total} |`,
    `| 四、结转下年度继续办理 ${zeros}`,
  ]);
}

describe("splitting run-together digits", () => {
  it("enumerates every split without leading zeros", () => {
    const readings = splitReadings(["640020470"], 7);
    expect(readings).not.toBe("tooMany");
    const list = readings as number[][];
    expect(list).toContainEqual([64, 0, 0, 2, 0, 4, 70]);
    expect(list.every((r) => r.length === 7)).toBe(true);
    expect(list.every((r) => r.map(String).join("") === "640020470")).toBe(true);
    expect(new Set(list.map((r) => r.join(","))).size).toBe(list.length);
  });

  it("splits several tokens, each into consecutive parts", () => {
    expect(splitReadings(["12", "3"], 3)).toEqual([[1, 2, 3]]);
    expect(splitReadings(["1", "2"], 3)).toEqual([]);
  });

  it("gives up beyond the bound instead of exploding", () => {
    expect(splitReadings(["1".repeat(40)], 15)).toBe("tooMany");
    expect(splitReadings(["9".repeat(200)], 7)).toBe("tooMany");
    expect(MAX_READINGS).toBeGreaterThan(100);
  });
});

describe("run-together rows in a report", () => {
  it("places the one reading the row's own total allows, and says so", async () => {
    const { report: doc, findings } = await importReport(report(["| 一、本年新收政府信息公开申请数量 | 640020470 |"]));
    expect(row(doc, "newReceived")).toEqual([64, 0, 0, 2, 0, 4, 70]);
    const split = findings.find((f) => f.ruleId === "IMPORT-SPLIT")!;
    expect(split).toMatchObject({ severity: "info" });
    expect(split.cells).toHaveLength(7);
    expect(split.message).toContain("64, 0, 0, 2, 0, 4, 70");
  });

  it("reads full-width digits run together as their digits (regression: they were split into NaN)", async () => {
    const { report: doc, findings } = await importReport(report(["| 一、本年新收政府信息公开申请数量 | ６４００２０４７０ |"]));
    expect(row(doc, "newReceived")).toEqual([64, 0, 0, 2, 0, 4, 70]);
    expect(findings.find((f) => f.ruleId === "IMPORT-SPLIT")?.message).toContain("64, 0, 0, 2, 0, 4, 70");
  });

  it("leaves the row null when two readings remain", async () => {
    // 2,0,0,29,0,0,31 and 20,0,2,9,0,0,31 both add up.
    const { report: doc, findings } = await importReport(report(["| 一、本年新收政府信息公开申请数量 | 200290031 |"]));
    expect(row(doc, "newReceived")).toEqual([null, null, null, null, null, null, null]);
    const ambiguous = findings.find((f) => f.ruleId === "IMPORT-AMBIGUOUS")!;
    expect(ambiguous.cells).toEqual(COLUMNS.map((c) => `applications.newReceived.${c}`));
    expect(ambiguous.message).toContain("2种拆分");
    expect(findings.some((f) => f.ruleId === "IMPORT-SPLIT")).toBe(false);
  });

  it("lets the rest of the table decide between readings (item 1 + item 2 = item 3 + item 4)", async () => {
    const { report: doc, findings } = await importReport(withTotal("200290031", "20 | 0 | 2 | 9 | 0 | 0 | 31"));
    expect(row(doc, "newReceived")).toEqual([20, 0, 2, 9, 0, 0, 31]);
    expect(findings.filter((f) => f.ruleId === "IMPORT-SPLIT")).toHaveLength(1);
  });

  it("does not place a reading that contradicts the rest of the table", async () => {
    const { report: doc, findings } = await importReport(withTotal("640020470", "60 | 0 | 0 | 2 | 0 | 4 | 66"));
    expect(row(doc, "newReceived")).toEqual([null, null, null, null, null, null, null]);
    expect(findings.find((f) => f.ruleId === "IMPORT-AMBIGUOUS")?.message).toContain("没有一种拆分满足本表勾稽关系");
  });

  it("calls a short row of separate values a value-count problem, not digits run together", async () => {
    // Nine digits cannot fill fifteen cells, so no separator was lost: four values are simply too few.
    const { report: doc, findings } = await importReport(
      utf8(["某某局2021年政府信息公开工作年度报告", "四、政府信息公开行政复议、行政诉讼情况", "| 数量 | 72 | 64 | 178 | 37 |"].join("\n")),
    );
    expect(getCell(doc, "reviewLitigation.review.upheld")).toBeNull();
    const count = findings.find((f) => f.ruleId === "IMPORT-VALUE-COUNT")!;
    expect(count).toMatchObject({ expected: 15, actual: 4 });
    expect(count.message).toContain("有4个数值，而本行有15列");
    expect(findings.some((f) => f.message.includes("数字连写"))).toBe(false);
  });

  it("refuses a run of digits too long to split, in bounded time", async () => {
    const { report: doc, findings } = await importReport(
      utf8(["某某局2021年政府信息公开工作年度报告", "四、政府信息公开行政复议、行政诉讼情况", `| 数量 | ${"1".repeat(60)} |`].join("\n")),
    );
    expect(getCell(doc, "reviewLitigation.review.total")).toBeNull();
    expect(findings.find((f) => f.ruleId === "IMPORT-AMBIGUOUS")?.cells).toHaveLength(15);
  });
});

describe("run-together rows decided across the whole table", () => {
  it("names the identities that fixed a split", async () => {
    const { findings } = await importReport(report(["| 一、本年新收政府信息公开申请数量 | 640020470 |"]));
    const split = findings.find((f) => f.ruleId === "IMPORT-SPLIT")!;
    // The row total is what rules out every other reading of these digits.
    expect(split.message).toMatch(/勾稽关系（[^）]*T3-[^）]*）只有一种拆分/u);
  });

  it("lets a row placed from its digits settle another run-together row (regression: it stayed null)", async () => {
    // 总计 "2002 | 9 | 0 | 0 | 31" allows 20, 0, 2, 9, 0, 0, 31 only; then 一 + 二 = 三 + 四 chooses
    // between the two readings of 一's "200290031".
    const { report: doc, findings } = await importReport(withTotal("200290031", "2002 | 9 | 0 | 0 | 31"));
    expect(row(doc, "results.totalProcessed")).toEqual([20, 0, 2, 9, 0, 0, 31]);
    expect(row(doc, "newReceived")).toEqual([20, 0, 2, 9, 0, 0, 31]);
    expect(findings.filter((f) => f.ruleId === "IMPORT-SPLIT")).toHaveLength(2);
    expect(findings.some((f) => f.ruleId === "IMPORT-AMBIGUOUS")).toBe(false);
  });
});
