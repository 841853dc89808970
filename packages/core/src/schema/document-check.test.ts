import { describe, expect, it } from "vitest";
import { type CompiledFormat, FORMAT_VERSIONS, getFormat } from "../formats/index";
import { sampleReport } from "../testing/index";
import { reportDocumentSchema } from "./document";
import { documentIssue, isReportDocument } from "./document-check";

type Json = Record<string, unknown>;

/** A report of `version` as JSON gives it back (what a stream of NDJSON holds). */
function sample(version: string, seed = 1): Json {
  const year = version === "2019" ? 2020 : 2024;
  return JSON.parse(JSON.stringify(sampleReport({ seed, year, formatVersion: version as never }))) as Json;
}

function at(doc: Json, path: readonly string[]): Json {
  let node: unknown = doc;
  for (const key of path) node = (node as Json)[key];
  return node as Json;
}

/** A copy of `doc` with `change` applied to the object at `path`. */
function edit(doc: Json, path: readonly string[], change: (node: Json) => void): Json {
  const copy = structuredClone(doc);
  change(at(copy, path));
  return copy;
}

const set = (doc: Json, path: readonly string[], value: unknown) =>
  edit(doc, path.slice(0, -1), (node) => {
    node[path[path.length - 1]!] = value;
  });
const remove = (doc: Json, path: readonly string[]) =>
  edit(doc, path.slice(0, -1), (node) => {
    delete node[path[path.length - 1]!];
  });

/** Values to put in a cell: some valid for its kind, most not. */
const CELL_VALUES: unknown[] = [
  null,
  0,
  7,
  -3,
  1.5,
  -0,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  "12",
  "12.5",
  "-1",
  "1,000",
  "01",
  ".5",
  "1.",
  "",
  true,
  [],
  {},
];

/** Every way to break (or harmlessly change) each cell, row and table of a document of `format`. */
function tableVariants(doc: Json, format: CompiledFormat): Json[] {
  const out: Json[] = [];
  for (const cell of format.cells) {
    const path = ["tables", ...cell.path];
    // Every value on a sample of cells (each kind included), the telling ones on every cell.
    const values = cell.index % 17 === 0 || cell.kind !== "count" ? CELL_VALUES : [null, -1, "3", 2.5];
    for (const value of values) out.push(set(doc, path, value));
    out.push(remove(doc, path));
    out.push(set(doc, [...path.slice(0, -1), `${cell.column}X`], 1));
    if (cell.columnDef.unitField) {
      const unit = [...path.slice(0, -1), cell.columnDef.unitField];
      for (const value of ["元", "万元", null, "美元", 1, ""]) out.push(set(doc, unit, value));
      out.push(remove(doc, unit));
    }
  }
  for (const table of format.def.tables) {
    const path = ["tables", table.id];
    for (const value of [null, [], 3, "x", {}]) out.push(set(doc, path, value));
    out.push(remove(doc, path));
    const firstRow = Object.keys(at(doc, path))[0]!;
    for (const value of [null, [], {}, 0]) out.push(set(doc, [...path, firstRow], value));
    out.push(remove(doc, [...path, firstRow]));
    out.push(set(doc, [...path, "extraRow"], {}));
  }
  out.push(set(doc, ["tables", "extraTable"], {}));
  for (const value of [null, [], "tables", {}]) out.push(set(doc, ["tables"], value));
  return out;
}

/** Every way to break (or harmlessly change) the parts of a document outside its tables. */
function headVariants(doc: Json, other: Json): Json[] {
  const out: Json[] = [];
  for (const key of Object.keys(doc)) out.push(remove(doc, [key]));
  out.push(set(doc, ["extra"], 1));
  for (const value of ["2020", "2021", "2019", 2021, null, "2026"]) out.push(set(doc, ["formatVersion"], value));
  // The other format's tables under this format's version.
  out.push(set(doc, ["tables"], other.tables));
  for (const value of [2007, 2008, 2100, 2101, 2024.5, "2024", null]) out.push(set(doc, ["year"], value));
  for (const value of ["", "   ", " 局 ", "局".repeat(200), "局".repeat(201), ` ${"局".repeat(200)} `, 5, null])
    out.push(set(doc, ["agency", "name"], value));
  for (const value of ["department", "government", "bureau", null]) out.push(set(doc, ["agency", "kind"], value));
  for (const value of [true, false, "yes", null, 1]) out.push(set(doc, ["agency", "rulemaking"], value));
  out.push(set(doc, ["agency", "code"], "x"), set(doc, ["agency"], null), set(doc, ["agency"], []));
  for (const value of [null, "2025-01-31", "2024-02-29", "2025-02-29", "2025-02-30", "2025-1-5", "2025-13-01", "20250131", 20250131, ""])
    out.push(set(doc, ["publishedAt"], value));
  for (const key of ["overview", "problems", "other"]) {
    for (const value of ["", "字".repeat(200_000), "字".repeat(200_001), null, 1, ["x"]]) out.push(set(doc, ["sections", key], value));
    out.push(remove(doc, ["sections", key]));
  }
  out.push(set(doc, ["sections", "extra"], ""), set(doc, ["sections"], null), set(doc, ["sections"], []));
  return out;
}

describe("isReportDocument", () => {
  for (const version of FORMAT_VERSIONS) {
    const format = getFormat(version);
    const other = sample(FORMAT_VERSIONS.find((v) => v !== version)!);

    it(`accepts and refuses exactly what the zod schema does: ${version} tables`, () => {
      const variants = tableVariants(sample(version), format);
      const agree = variants.map((doc) => isReportDocument(doc) === reportDocumentSchema.safeParse(doc).success);
      expect(agree.filter((ok) => !ok)).toEqual([]);
      // The set holds both outcomes, so the comparison could fail either way.
      expect(variants.filter((doc) => isReportDocument(doc)).length).toBeGreaterThan(format.cells.length);
      expect(variants.filter((doc) => !isReportDocument(doc)).length).toBeGreaterThan(format.cells.length * 4);
    });

    it(`accepts and refuses exactly what the zod schema does: ${version} head`, () => {
      const variants = headVariants(sample(version), other);
      const disagree = variants.filter((doc) => isReportDocument(doc) !== reportDocumentSchema.safeParse(doc).success);
      expect(disagree.map((doc) => JSON.stringify(doc).slice(0, 200))).toEqual([]);
      expect(variants.filter((doc) => isReportDocument(doc)).length).toBeGreaterThan(10);
      expect(variants.filter((doc) => !isReportDocument(doc)).length).toBeGreaterThan(40);
    });
  }

  it("accepts the sample reports of every format, nulls included, as the schema does", () => {
    const docs = FORMAT_VERSIONS.flatMap((v) => [1, 2, 3].map((seed) => sample(v, seed)));
    docs.push(set(docs[0]!, ["tables", ...getFormat(FORMAT_VERSIONS[0]!).cells[0]!.path], null));
    for (const doc of docs) expect([isReportDocument(doc), reportDocumentSchema.safeParse(doc).success]).toEqual([true, true]);
  });

  it("refuses what is not a report at all", () => {
    for (const value of [null, undefined, [], "report", 1, {}, { formatVersion: "2021" }]) expect(isReportDocument(value)).toBe(false);
  });
});

describe("documentIssue", () => {
  it("names the cell a refused document breaks, and nothing for a valid one", () => {
    const doc = sample("2021");
    expect(documentIssue(doc)).toBeUndefined();
    const broken = set(doc, ["tables", "applications", "newReceived", "natural"], "12");
    expect(documentIssue(broken)?.path).toEqual(["tables", "applications", "newReceived", "natural"]);
    expect(documentIssue(remove(doc, ["year"]))?.path).toEqual(["year"]);
  });
});
