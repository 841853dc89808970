/**
 * The validator takes arbitrary JSON and never throws; it reports a malformed document by path.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getFormat } from "./formats/index";
import { writeCell } from "./schema/values";
import { agencySchema, isoDateSchema, sectionsSchema, yearSchema } from "./schema/document";
import { isValidCellValue } from "./rules/reading";
import { sampleReport } from "./testing/sample";
import { validateReport } from "./validate";

const noInternal = (input: unknown, options = {}) => {
  const findings = validateReport(input, options);
  expect(Array.isArray(findings)).toBe(true);
  expect(findings.filter((f) => f.ruleId === "INTERNAL")).toEqual([]);
  return findings;
};

describe("validateReport never throws", () => {
  it("on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => void noInternal(value)),
      { numRuns: 300 },
    );
  });

  it("on any value, previous included", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (value, previous) => void noInternal(value, { previous })),
      {
        numRuns: 200,
      },
    );
  });

  it("on a valid report with random values in random cells, naming each bad cell", () => {
    const format = getFormat("2021");
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.tuple(fc.nat(format.cells.length - 1), fc.anything()), { maxLength: 12 }),
        (seed, edits) => {
          const doc = sampleReport({ seed, year: 2022 });
          const written = new Map<number, unknown>();
          for (const [index, value] of edits) {
            writeCell(doc.tables as never, format.cells[index]!, value as never);
            written.set(index, value);
          }
          const findings = noInternal(doc);
          for (const [index, value] of written) {
            const cell = format.cells[index]!;
            const valid = value === null || isValidCellValue(cell, value);
            if (!valid)
              expect(
                findings.some((f) => f.cells.includes(cell.id)),
                cell.id,
              ).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("on documents with parts missing or of the wrong type, with a SCHEMA finding naming the path", () => {
    const fields = {
      agency: agencySchema,
      year: yearSchema,
      publishedAt: isoDateSchema.nullable(),
      sections: sectionsSchema,
    } as const;
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(fields) as (keyof typeof fields)[])), fc.anything(), (key, value) => {
        const doc = sampleReport({ seed: 3, year: 2022 }) as unknown as Record<string, unknown>;
        doc[key] = value;
        const findings = noInternal(doc);
        if (!fields[key].safeParse(value).success) {
          expect(findings.some((f) => f.ruleId === "SCHEMA" && (f.path ?? "").startsWith(key))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("says where: a missing agency name and a bad date", () => {
    const doc = sampleReport({ seed: 3, year: 2022 }) as unknown as Record<string, Record<string, unknown>>;
    delete doc.agency!.name;
    (doc as Record<string, unknown>).publishedAt = "2022-13-45";
    const paths = validateReport(doc)
      .filter((f) => f.ruleId === "SCHEMA")
      .map((f) => [f.path, f.message]);
    expect(paths).toEqual([
      ["agency.name", "机关名称（agency.name）：缺少此项"],
      ["publishedAt", "发布日期（publishedAt）：日期应为 YYYY-MM-DD"],
    ]);
  });
});
