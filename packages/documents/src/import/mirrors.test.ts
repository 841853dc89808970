/**
 * Mirrors of government sites: Traditional characters, pinyin after characters, regional words. The
 * labels are matched converted; the published text is kept.
 */
import { describe, expect, it } from "vitest";
import { getCell } from "@nianbao/core";
import { importReport } from "./index";
import { utf8 } from "../test-support/import";

const TABLE = [
  "某某區司法局2021年政府信息公開工作年度報告",
  "本報告中所列數據的統計期限自2021年1月1日起至2021年12月31日止。",
  "第二十條第(一)項 | |||",
  "信息內容 | 本年制發(fā)件數 | 本年廢止件數 | 現行有效件數 |",
  "規(guī)章 | 0 | 0 | 0 |",
  "行政規範性文件 | 2 | 1 | 9 |",
  "第二十條第(八)項 | |||",
  "信息內容 | 本年收費金額(單位:萬元) | ||",
  "行政事業性收費 | 1.5 | ||",
].join("\n");

describe("a Traditional-character mirror of a report", async () => {
  const { report, findings } = await importReport(utf8(TABLE));

  it("reads the year and the agency from the title, keeping the agency as published", () => {
    expect(report.year).toBe(2021);
    expect(report.agency.name).toBe("某某區司法局");
  });

  it("matches the rows through Traditional characters and pinyin notes", () => {
    expect(getCell(report, "activeDisclosure.normativeDocuments.issued")).toBe(2);
    expect(getCell(report, "activeDisclosure.normativeDocuments.inForce")).toBe(9);
  });

  // Regression: "（單位：萬元）" was read as a header in 元 ("…元)"), and 1.5 became 0.00015 万元.
  it("reads the unit of “本年收費金額(單位:萬元)” as 万元, converting nothing", () => {
    expect(getCell(report, "activeDisclosure.fees.amount")).toBe("1.5");
    expect(findings.filter((f) => f.ruleId === "IMPORT-UNIT")).toEqual([]);
  });
});
