import { describe, expect, it } from "vitest";
import { createEmptyReport, getCell } from "../schema/values";
import { sampleReport } from "../testing/index";
import { balanceLine } from "./balance";
import { withCellValues } from "./document";

describe("balance line of table 三", () => {
  it("has one column per applicant column plus 总计, named in the form's words", () => {
    const line = balanceLine(sampleReport({ seed: 2, year: 2022 }))!;
    expect(line.columns.map((c) => c.label)).toEqual(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]);
    expect(line.lhsLabel).toBe("本年新收＋上年结转");
    expect(line.rhsLabel).toBe("办理结果总计＋结转下年度");
    expect(balanceLine(sampleReport({ seed: 2, year: 2022 }), "en")!.lhsLabel).toBe("new this year + carried over");
    for (const column of line.columns) expect(column.difference).toBe(0);
  });

  it("shows the difference when 一＋二 ≠ 三＋四, and none while a side has an empty cell", () => {
    const report = sampleReport({ seed: 2, year: 2022 });
    const typed = getCell(report, "applications.newReceived.natural") as number;
    const broken = withCellValues(report, [["applications.newReceived.natural", typed + 4]]);
    const after = balanceLine(broken)!.columns[0]!;
    expect(after.difference).toBe(4);
    expect(after.lhs.cells).toEqual(["applications.newReceived.natural", "applications.carriedOver.natural"]);
    const blank = balanceLine(createEmptyReport({ year: 2024, agency: { name: "测试局", kind: "department" } }))!;
    expect(blank.columns.every((c) => c.difference === null && c.lhs.sum === null)).toBe(true);
  });
});
