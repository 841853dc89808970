/**
 * Judging an imported report fairly: a cell the importer could not read is "unchecked" and points at
 * the IMPORT-* finding that says why; only a cell blank in the source is the agency's blank.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateReport } from "@nianbao/core";
import { importReport } from "./index";

const CORPUS = path.join(import.meta.dirname, "..", "..", "test", "corpus");

describe("validation of an imported report does not blame the agency for what the importer could not read", async () => {
  // The page prints two figures for each row of 三 in seven columns: the importer leaves those rows null.
  const { report, findings } = await importReport(new Uint8Array(readFileSync(path.join(CORPUS, "2019-hunan-yueyang-nanhu-bureau.txt"))));
  const unread = findings.filter((f) => f.ruleId === "IMPORT-VALUE-COUNT").flatMap((f) => f.cells);
  const accusations = (options: Parameters<typeof validateReport>[1]) =>
    validateReport(report, options).filter(
      (f) => f.outcome === "failed" && f.cells.some((c) => unread.includes(c)) && /未填写/u.test(f.message),
    );

  it("the importer did leave cells of 三 unread (the premise)", () => {
    expect(unread).toContain("applications.newReceived.natural");
  });

  it("without the import's findings, those cells read as left blank (what the issue saw)", () => {
    expect(accusations({ mode: "import" }).length).toBeGreaterThan(0);
  });

  it("with them, no cell the importer could not read is called unfilled; each is unchecked and names the finding", () => {
    expect(accusations({ mode: "import", importFindings: findings })).toEqual([]);
    const notes = validateReport(report, { mode: "import", importFindings: findings }).filter(
      (f) => f.outcome === "unchecked" && f.cells.includes("applications.newReceived.natural") && f.message.includes("IMPORT-VALUE-COUNT"),
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]!.severity).toBe("info");
  });

  it("a text section the import did not find is unchecked, not 内容为空 (the page ends before 五 and 六)", () => {
    const sections = (options: Parameters<typeof validateReport>[1]) =>
      validateReport(report, options).filter((f) => f.ruleId === "R-SECTIONS" && f.path === "sections.problems");
    expect(sections({ mode: "import" })[0]).toMatchObject({ severity: "error", outcome: "failed" });
    const note = sections({ mode: "import", importFindings: findings })[0]!;
    expect(note).toMatchObject({ severity: "info", outcome: "unchecked" });
    expect(note.message).toContain("IMPORT-SECTION-MISSING");
  });
});
