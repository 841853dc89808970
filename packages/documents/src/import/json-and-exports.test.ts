/**
 * JSON input is the contract document itself; and the other exports — Markdown, and every format
 * written in English — read back to the report they were made from.
 */
import { describe, expect, it } from "vitest";
import { type Lang, type ReportDocument, reportDocumentSchema } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import { exportReport } from "../export/index";
import { ImportError, importReport } from "./index";
import { utf8 } from "../test-support/import";

const json = (value: unknown) => utf8(JSON.stringify(value));

describe("JSON", () => {
  const doc = sampleReport({ seed: 3, year: 2021 });

  it("returns a valid document as it is, also inside the CLI's { report, findings }", async () => {
    expect(await importReport(json(doc))).toEqual({ report: doc, findings: [], kind: "json" });
    expect((await importReport(json({ report: doc, findings: [] }))).report).toEqual(doc);
  });

  it("keeps what is valid of a malformed document, with core's SCHEMA findings", async () => {
    const broken = {
      ...doc,
      year: "2021年",
      publishedAt: "2022/1/28",
      tables: {
        ...doc.tables,
        applications: { ...doc.tables.applications, newReceived: { ...doc.tables.applications.newReceived, natural: "7" } },
      },
    };
    const { report, findings } = await importReport(json(broken));
    expect(reportDocumentSchema.safeParse(report).success).toBe(true);
    expect(report.formatVersion).toBe("2021");
    expect(report.publishedAt).toBeNull();
    expect(report.tables.applications.newReceived.natural).toBeNull();
    expect(report.tables.applications.newReceived.total).toBe(doc.tables.applications.newReceived.total);
    expect(report.sections).toEqual(doc.sections);
    expect(findings.filter((f) => f.ruleId === "SCHEMA").map((f) => f.path)).toEqual(expect.arrayContaining(["year", "publishedAt"]));
    expect(findings.find((f) => f.ruleId === "IMPORT-UNREADABLE")?.cells).toEqual(["applications.newReceived.natural"]);
  });

  it("refuses JSON that does not parse, in one line", async () => {
    const error = await importReport(utf8('{"formatVersion": "2021",'), { filename: "r.json" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe("CORRUPT");
    expect((error as ImportError).message).toMatch(/^JSON 格式错误：/u);
  });
});

describe("exports read back", () => {
  /** What a printed report shows: its kind and rule-making power are not printed. */
  const printed = (d: ReportDocument) => ({ ...d, agency: d.agency.name });

  const cases: [string, "docx" | "html" | "xlsx" | "md", Lang][] = [
    ["Markdown", "md", "zh"],
    ["Word in English", "docx", "en"],
    ["HTML in English", "html", "en"],
    ["Excel in English", "xlsx", "en"],
    ["Markdown in English", "md", "en"],
  ];
  for (const [name, format, lang] of cases) {
    it(`${name}: the same report, 2019 and 2021 formats`, async () => {
      for (const doc of [
        sampleReport({ seed: 5, year: 2020 }),
        sampleReport({ seed: 8, year: 2023, agencyKind: "government", agencyName: "某某市人民政府" }),
      ]) {
        const exported = await exportReport(doc, format, { lang });
        const { report, findings } = await importReport(exported.data, { filename: exported.filename });
        expect(findings).toEqual([]);
        expect(printed(report)).toEqual(printed(doc));
      }
    });
  }
});
