/**
 * Properties over open-ended input: whatever bytes or text arrive, the importer either returns a
 * document of the contract or throws an ImportError — nothing else — and it never places a number
 * that is not written in the source.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellEntries, FORMAT_VERSIONS, getFormat, reportDocumentSchema, toHalfWidth } from "@nianbao/core";
import { ImportError, importReport, type ImportResult } from "./index";
import { fixture, specFixture, utf8 } from "../test-support/import";

async function attempt(data: Uint8Array, filename?: string): Promise<ImportResult | ImportError> {
  try {
    return await importReport(data, filename ? { filename } : {});
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
}

function expectContract(result: ImportResult): void {
  expect(reportDocumentSchema.safeParse(result.report).success).toBe(true);
  const ids = new Set(getFormat(result.report.formatVersion).cells.map((c) => c.id));
  for (const finding of result.findings) {
    expect(finding.ruleId).toMatch(/^(IMPORT-|SCHEMA$|R-VERSION$)/u);
    for (const cell of finding.cells) expect(ids.has(cell), cell).toBe(true);
  }
}

// ---------------------------------------------------------------------------------------- sources

const allLabels = FORMAT_VERSIONS.flatMap((v) =>
  getFormat(v).def.tables.flatMap((t) =>
    t.kind === "blocks"
      ? t.blocks.flatMap((b) => [b.label.zh, ...b.rows.map((r) => r.label.zh), ...b.columns.map((c) => c.label.zh)])
      : t.kind === "matrix"
        ? t.rows.map((r) => r.label.zh)
        : t.columns.map((c) => c.label.zh),
  ),
);
const headings = getFormat("2021").def.sections.map((s) => s.heading.zh);

/** A label as reports write it: half-width brackets, 、 for ., a line break inside. */
const labelVariant = fc
  .tuple(fc.constantFrom(...allLabels), fc.integer({ min: 0, max: 3 }))
  .map(([label, how]) =>
    how === 0 ? label : how === 1 ? toHalfWidth(label) : how === 2 ? label.replace(/^(\d)\./u, "$1、") : label.replace(/(.{4})/u, "$1\n"),
  );
const valueToken = fc.oneof(
  fc.nat({ max: 5000 }).map(String),
  fc.nat({ max: 99 }).map((n) => `\u3000${String(n).replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)))}`),
  fc.constantFrom("-", "/", "—", "无", "", "0", "1,024", "12.5", "3940元", "abc", "２万元"),
  fc.array(fc.nat({ max: 40 }), { minLength: 2, maxLength: 7 }).map((ns) => ns.join("")),
);
const row = fc.tuple(fc.option(labelVariant, { nil: undefined }), fc.array(valueToken, { maxLength: 16 }));

function asText([label, values]: [string | undefined, string[]], style: number): string {
  const cells = [...(label === undefined ? [] : [label.replace(/\n/gu, "")]), ...values];
  if (style === 0) return `${cells.map((c) => `\t${c}`).join("\n")}\n`;
  if (style === 1) return `| ${cells.join(" | ")} |`;
  return cells.join("\n");
}

function asHtmlRow([label, values]: [string | undefined, string[]]): string {
  const esc = (s: string) => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/\n/gu, "<br>");
  return `<tr>${label === undefined ? "" : `<td rowspan="1">${esc(label)}</td>`}${values.map((v) => `<td>${esc(v)}</td>`).join("")}</tr>`;
}

const document = fc.record({
  title: fc.constantFrom("某某局2021年政府信息公开工作年度报告", "某县人民政府2019年政府信息公开工作年度报告", "年度报告", ""),
  parts: fc.array(
    fc.oneof(
      fc.constantFrom(...headings).map((h) => ({ heading: h })),
      fc.array(row, { minLength: 1, maxLength: 8 }).map((rows) => ({ rows })),
    ),
    {
      maxLength: 8,
    },
  ),
  style: fc.integer({ min: 0, max: 2 }),
});

/** Numbers written in the source, as digit strings without separators or widths. */
function sourceDigits(source: string): string {
  return toHalfWidth(source).replace(/(\d),(?=\d{3})/gu, "$1");
}

describe("the importer on arbitrary input", () => {
  it("returns a document or throws an ImportError for arbitrary bytes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom(undefined, "a.docx", "a.pdf", "a.html", "a.json"),
        async (bytes, name) => {
          const result = await attempt(bytes, name);
          if (!(result instanceof ImportError)) expectContract(result);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("returns a document or throws an ImportError for arbitrary text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 400 }), async (text) => {
        const result = await attempt(utf8(text));
        if (!(result instanceof ImportError)) expectContract(result);
      }),
      { numRuns: 100 },
    );
  });

  it("survives damage to real files", async () => {
    const sources = [
      specFixture("template-2021-blank.docx"),
      fixture("gov-site-2021.html"),
      specFixture("seed-2021-district-science-bureau.txt"),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0, 1, 2),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 }),
        async (which, flips) => {
          const data = sources[which]!.slice();
          for (const [at, byte] of flips) data[at % data.length] = byte;
          const result = await attempt(data);
          if (!(result instanceof ImportError)) expectContract(result);
        },
      ),
      { numRuns: 30 },
    );
  });
});

/**
 * Checks that every value the import placed is written in the source (a value converted by a stated
 * unit aside), and returns how many it placed.
 */
function placedFromSource(result: ImportResult, source: string): number {
  expectContract(result);
  const digits = sourceDigits(source);
  const converted = new Set(result.findings.filter((f) => f.ruleId === "IMPORT-UNIT").flatMap((f) => f.cells));
  let placed = 0;
  for (const [id, value] of cellEntries(result.report)) {
    if (value === null || converted.has(id)) continue;
    placed++;
    expect(digits, `${id} = ${String(value)}`).toContain(String(value).replace(/^-/u, ""));
  }
  return placed;
}

describe("never a value that is not in the source", () => {
  it("places only numbers written in the text (or split from digits run together)", async () => {
    let placed = 0;
    await fc.assert(
      fc.asyncProperty(document, async ({ title, parts, style }) => {
        const lines: string[] = [title];
        for (const part of parts) {
          if ("heading" in part) lines.push(part.heading);
          else lines.push(...part.rows.map((r) => asText(r, style)), "");
        }
        const source = lines.join("\n");
        const result = await attempt(utf8(source));
        if (result instanceof ImportError) return;
        placed += placedFromSource(result, source);
      }),
      { numRuns: 100 },
    );
    // The property is not vacuous: the generated reports do get values placed (how many varies with
    // the random inputs — 30 to 150 in a hundred runs — so the bar is set well below that).
    expect(placed).toBeGreaterThan(10);
  });

  it("places only numbers written in the HTML tables", async () => {
    let placed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(row, { minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 4 }), async (tables) => {
        const html = `<html><body><h1>某某局2022年政府信息公开工作年度报告</h1>${tables
          .map((rows) => `<table>${rows.map(asHtmlRow).join("")}</table>`)
          .join("<p>说明</p>")}</body></html>`;
        const result = await attempt(utf8(html));
        if (result instanceof ImportError) return;
        placed += placedFromSource(result, html);
      }),
      { numRuns: 60 },
    );
    expect(placed).toBeGreaterThan(5);
  });
});
