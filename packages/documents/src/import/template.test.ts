/**
 * The blank official template (Word, with Word's own merged cells): a 2021 document of nulls. The
 * version comes from the rows and columns present, since the template has no year.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { cellEntries } from "@nianbao/core";
import { type ImportResult, importReport } from "./index";
import { UNKNOWN_AGENCY } from "./index";
import { specFixture } from "../test-support/import";

let result: ImportResult;
beforeAll(async () => {
  result = await importReport(specFixture("template-2021-blank.docx"));
});

describe("blank 2021 Word template", () => {
  it("is a 2021 document with every one of its 200 cells null", () => {
    expect(result.kind).toBe("docx");
    expect(result.report.formatVersion).toBe("2021");
    const cells = cellEntries(result.report);
    expect(cells).toHaveLength(200);
    expect(cells.filter(([, value]) => value !== null)).toEqual([]);
  });

  it("finds every row of every table (nothing is reported missing or ambiguous)", () => {
    const ids = result.findings.map((f) => f.ruleId);
    for (const id of ["IMPORT-TABLE-MISSING", "IMPORT-ROWS-MISSING", "IMPORT-AMBIGUOUS", "IMPORT-VALUE-COUNT", "IMPORT-VERSION"]) {
      expect(ids).not.toContain(id);
    }
  });

  it("has no text, agency or year, and says so instead of guessing", () => {
    expect(result.report.sections).toEqual({ overview: "", problems: "", other: "" });
    expect(result.report.agency.name).toBe(UNKNOWN_AGENCY);
    expect(result.report.publishedAt).toBeNull();
    const byId = (id: string) => result.findings.filter((f) => f.ruleId === id);
    expect(byId("IMPORT-AGENCY")).toMatchObject([{ severity: "error", path: "agency.name" }]);
    expect(byId("IMPORT-YEAR")).toMatchObject([{ severity: "error", path: "year" }]);
    expect(byId("IMPORT-SECTION-MISSING").map((f) => f.path)).toEqual(["sections.overview", "sections.problems", "sections.other"]);
  });
});
