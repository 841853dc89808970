/**
 * Report-level rules (version, sections, period, deadline, fees, cross-year text), empty and
 * unreadable cells, the messages' wording, and figures quoted in the text (T3-TEXT).
 */
import { describe, expect, it } from "vitest";
import { add, byRule, consistentPair, type Doc, get, set, validDoc } from "../test-support/docs";
import { validateReport } from "../validate";

const a = (row: string, col: string) => `applications.${row}.${col}`;

describe("report rules", () => {
  it("R-VERSION: a 2020 report in the 2021 format, and rows of another format", () => {
    const doc = validDoc();
    expect(byRule(validateReport(doc), "R-VERSION")).toEqual([]);
    const wrongYear = { ...doc, year: 2020 };
    const [f] = byRule(validateReport(wrongYear), "R-VERSION");
    expect(f).toMatchObject({ severity: "error", expected: "2019", actual: "2021" });
    const extraRow = structuredClone(doc) as unknown as { tables: { activeDisclosure: Record<string, unknown> } };
    extraRow.tables.activeDisclosure.otherServices = { priorYearItems: 0, netChange: 0, decisions: 0 };
    const rows = byRule(validateReport(extraRow), "R-VERSION");
    expect(rows.map((x) => x.path)).toEqual(["tables.activeDisclosure.otherServices"]);
  });

  it("R-SECTIONS: empty 五 and an overview that says only 无; 无 is fine for 六", () => {
    const doc = validDoc();
    doc.sections.other = "无";
    expect(byRule(validateReport(doc), "R-SECTIONS")).toEqual([]);
    doc.sections.problems = "  ";
    doc.sections.overview = "无。";
    const f = byRule(validateReport(doc), "R-SECTIONS");
    expect(f.map((x) => x.path)).toEqual(["sections.overview", "sections.problems"]);
  });

  it("R-PERIOD: a period of the wrong year is an error; none stated cannot be checked", () => {
    const doc = validDoc({ year: 2022 });
    expect(byRule(validateReport(doc), "R-PERIOD")).toEqual([]);
    doc.sections.overview = doc.sections.overview.replace(/统计期限.*?止/, "统计期限自2021年1月1日起至2021年12月31日止");
    const [f] = byRule(validateReport(doc), "R-PERIOD");
    expect(f).toMatchObject({ severity: "error", expected: "2022-01-01/2022-12-31", actual: "2021-01-01/2021-12-31" });
    doc.sections.overview = "本局认真落实政府信息公开条例，主动公开各类信息。";
    expect(byRule(validateReport(doc), "R-PERIOD", "unchecked")).toHaveLength(1);
    expect(byRule(validateReport(doc), "R-PERIOD")).toEqual([]);
  });

  it("R-PERIOD: reads the period written with spaces and full-width digits", () => {
    const doc = validDoc({ year: 2024 });
    doc.sections.overview = "报告所列统计期限自 ２０２４ 年 1 月 1 日至 2024 年 12 月 31 日。";
    expect(byRule(validateReport(doc), "R-PERIOD", "failed")).toEqual([]);
    expect(byRule(validateReport(doc), "R-PERIOD", "unchecked")).toEqual([]);
  });

  it("R-DEADLINE: a department late by five days; a government's 31 March is on time", () => {
    const doc = validDoc({ year: 2021 });
    doc.publishedAt = "2022-01-31";
    expect(byRule(validateReport(doc), "R-DEADLINE")).toEqual([]);
    doc.publishedAt = "2022-02-05";
    const [f] = byRule(validateReport(doc), "R-DEADLINE");
    expect(f).toMatchObject({ severity: "warning", expected: "2022-01-31", actual: "2022-02-05" });
    expect(f!.message).toContain("5");
    const gov = validDoc({ year: 2021, kind: "government" });
    gov.publishedAt = "2022-03-31";
    expect(byRule(validateReport(gov), "R-DEADLINE")).toEqual([]);
    gov.publishedAt = null;
    expect(byRule(validateReport(gov, { today: "2022-04-02" }), "R-DEADLINE")).toHaveLength(1);
    expect(byRule(validateReport(gov, { today: "2022-03-02" }), "R-DEADLINE")).toEqual([]);
    expect(byRule(validateReport(doc, { deadlines: { department: "01-28" } }), "R-DEADLINE")[0]!.expected).toBe("2022-01-28");
  });

  it("R-GOV-EXTRA: a government report must mention assessment, evaluation and accountability", () => {
    const gov = validDoc({ kind: "government" });
    expect(byRule(validateReport(gov), "R-GOV-EXTRA")).toEqual([]);
    gov.sections.overview = gov.sections.overview.replace(/全年开展.*?情况。/, "");
    const [f] = byRule(validateReport(gov), "R-GOV-EXTRA");
    expect(f!.message).toContain("工作考核");
    expect(byRule(validateReport(validDoc()), "R-GOV-EXTRA")).toEqual([]);
  });

  it("R-FEE-2021: section 六 must say how processing fees were collected", () => {
    const doc = validDoc();
    expect(byRule(validateReport(doc), "R-FEE-2021")).toEqual([]);
    doc.sections.other = "无。";
    expect(byRule(validateReport(doc), "R-FEE-2021")).toHaveLength(1);
    // Ways published reports say it (上海市人民政府办公厅 2025: "本机关未收取信息公开处理费").
    for (const said of ["2025年度本机关未收取信息公开处理费。", "本年度未收取任何费用。", "未发生政府信息公开收费事项。"]) {
      doc.sections.other = said;
      expect(byRule(validateReport(doc), "R-FEE-2021"), said).toEqual([]);
    }
  });

  it("R-SIMILAR and R-PROBLEMS: this year's text copied from last year's", () => {
    const { previous, current } = consistentPair();
    expect(byRule(validateReport(current, { previous }), "R-SIMILAR")).toEqual([]);
    expect(byRule(validateReport(current, { previous }), "R-PROBLEMS")).toEqual([]);
    current.sections = {
      ...previous.sections,
      overview: previous.sections.overview.replaceAll(String(previous.year), String(current.year)),
    };
    const similar = byRule(validateReport(current, { previous }), "R-SIMILAR");
    expect(similar.map((f) => f.path)).toEqual(["sections.overview"]);
    expect(similar[0]!.actual as number).toBeGreaterThan(0.9);
    expect(byRule(validateReport(current, { previous }), "R-PROBLEMS")).toHaveLength(1);
  });
});

describe("empty and unreadable cells", () => {
  it("an identity that needs an empty cell is unchecked (info), neither passed nor failed", () => {
    const doc = validDoc();
    set(doc, a("carriedOver", "natural"), null);
    add(doc, a("newReceived", "natural"), 5); // would break T3-BAL if it could be checked
    const findings = validateReport(doc);
    const natural = findings.filter((f) => f.ruleId === "T3-BAL" && f.cells.includes(a("carriedOver", "natural")));
    expect(natural).toHaveLength(1);
    expect(natural[0]).toMatchObject({ severity: "info", outcome: "unchecked" });
    expect(natural[0]!.message).toContain("上年结转");
  });

  it("import mode makes blank applications cells warnings, not errors", () => {
    const doc = validDoc();
    set(doc, a("results.granted", "research"), null);
    expect(byRule(validateReport(doc, { mode: "import" }), "T3-COMPLETE")[0]!.severity).toBe("warning");
  });

  it("T2-FEE: more than 4 decimals is a precision warning, not an error", () => {
    const doc = validDoc();
    set(doc, "activeDisclosure.fees.amount", "1.23456");
    const f = byRule(validateReport(doc), "T2-FEE");
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("warning");
  });
});

describe("messages", () => {
  it("T3-BAL speaks the form's labels and gives expected/actual as in the contract", () => {
    const doc = validDoc();
    add(doc, a("newReceived", "natural"), 1);
    add(doc, a("newReceived", "total"), 1);
    const [f] = byRule(validateReport(doc), "T3-BAL");
    const left = get(doc, a("newReceived", "natural")) + get(doc, a("carriedOver", "natural"));
    const right = get(doc, a("results.totalProcessed", "natural")) + get(doc, a("carriedForward", "natural"));
    expect(f!.message).toBe(
      `自然人列：本年新收(${get(doc, a("newReceived", "natural"))})+上年结转(${get(doc, a("carriedOver", "natural"))})=${left}，` +
        `不等于办理结果总计(${get(doc, a("results.totalProcessed", "natural"))})+结转下年度(${get(doc, a("carriedForward", "natural"))})=${right}`,
    );
    expect([f!.expected, f!.actual]).toEqual([left, right]);
    const [en] = byRule(validateReport(doc, { lang: "en" }), "T3-BAL");
    expect(en!.message).toMatch(/^column “Natural persons”: new this year \(\d+\)/);
  });
});

describe("T3-TEXT reads text figures as people write them", () => {
  // A county's overview: "全年共受理…749件 … 共办理718件，结转下一年31件" with 一 = 713 and 二 = 36.
  const county = () => {
    const doc = validDoc();
    const cols = ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg", "total"];
    for (const c of cols) {
      set(doc, `applications.newReceived.${c}`, c === "natural" || c === "total" ? 713 : 0);
      set(doc, `applications.carriedOver.${c}`, c === "natural" || c === "total" ? 36 : 0);
    }
    doc.sections.overview = "全县全年共受理政府信息公开申请749件，共办理718件，结转下一年31件。";
    return doc;
  };
  const textFindings = (doc: Doc) => validateReport(doc).filter((f) => f.ruleId === "T3-TEXT" && f.outcome !== "unchecked");

  it("accepts 受理 749 as 一＋二 (713 + 36) instead of warning 749 ≠ 713", () => {
    const doc = county();
    const received = textFindings(doc).filter((f) => f.cells.includes("applications.newReceived.total"));
    expect(received).toEqual([]);
  });

  it("still warns when no reading matches (750 is neither 一 nor 一＋二)", () => {
    const doc = county();
    doc.sections.overview = doc.sections.overview.replace("749件", "750件");
    const received = textFindings(doc).filter((f) => f.cells.includes("applications.newReceived.total"));
    expect(received).toHaveLength(1);
    expect(received[0]!.actual).toBe(750);
  });

  it("reads 同意公开答复 as 予以公开, not as every answer (上海市科委 2024)", () => {
    const doc = county();
    const granted = get(doc, "applications.results.granted.total") as number;
    doc.sections.overview = `所有办结的申请中同意公开答复${granted}件，不予公开答复2件。`;
    expect(textFindings(doc)).toEqual([]);
    // "共办理政府信息公开申请N件" is still every answer.
    const processed = get(doc, "applications.results.totalProcessed.total") as number;
    doc.sections.overview = `共办理政府信息公开申请${processed + 3}件。`;
    expect(textFindings(doc).map((f) => f.cells)).toEqual([["applications.results.totalProcessed.total"]]);
    // "转下一年度办理答复的有N件" is 四, not 三's total.
    const forward = get(doc, "applications.carriedForward.total") as number;
    doc.sections.overview = `同意公开答复${granted}件，转下一年度办理答复的有${forward}件。`;
    expect(textFindings(doc)).toEqual([]);
    doc.sections.overview = `同意公开答复${granted}件，转下一年度办理答复的有${forward + 1}件。`;
    expect(textFindings(doc).map((f) => f.cells)).toEqual([["applications.carriedForward.total"]]);
    doc.sections.overview = `所有办结的申请中同意公开答复${granted + 1}件。`;
    const [wrong] = textFindings(doc);
    expect(wrong?.cells).toEqual(["applications.results.granted.total"]);
  });

  it("reads 共办理 as 三's total and 结转下一年 as 四", () => {
    const doc = county();
    const processed = get(doc, "applications.results.totalProcessed.total") as number;
    const forward = get(doc, "applications.carriedForward.total") as number;
    doc.sections.overview = `全县全年共受理政府信息公开申请749件，共办理${processed + 1}件，结转下一年${forward + 2}件。`;
    const cells = textFindings(doc).flatMap((f) => f.cells);
    expect(cells).toContain("applications.results.totalProcessed.total");
    expect(cells).toContain("applications.carriedForward.total");
  });
});
