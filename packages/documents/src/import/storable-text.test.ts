/**
 * Regression: text read from a PDF carried a form feed (U+000C) between pages into a section, and the
 * API — which refuses control characters — then refused every save of that imported draft.
 */
import { unsafeCharacterIn } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../export/index";
import { importReport } from "./index";
import { utf8 } from "../test-support/import";

describe("imported text is always storable", () => {
  it("turns a page break inside a section into a line break and drops other control characters", async () => {
    const doc = sampleReport({ seed: 5, year: 2023 });
    const markdown = renderMarkdown({ ...doc, sections: { ...doc.sections, overview: "第一页的段落。PAGEBREAK第二页的段落。\u0007" } });
    const withBreak = markdown.replace("PAGEBREAK", "\f");
    const { report } = await importReport(utf8(withBreak), { filename: "report.md" });
    expect(report.sections.overview).toContain("第一页的段落。");
    expect(report.sections.overview).toContain("第二页的段落。");
    for (const text of [...Object.values(report.sections), report.agency.name]) {
      expect(typeof text === "string" ? unsafeCharacterIn(text) : null).toBeNull();
    }
  });

  it("cleans a JSON document's texts the same way", async () => {
    const doc = sampleReport({ seed: 6, year: 2023 });
    const json = JSON.stringify({ ...doc, sections: { ...doc.sections, problems: "问题一\u000b问题二\u0000" } });
    const { report } = await importReport(utf8(json), { filename: "report.json" });
    expect(report.sections.problems).toBe("问题一\n问题二");
  });
});
