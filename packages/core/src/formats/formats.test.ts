/**
 * The format definitions against the shared specification (formats.json), label for label: sections,
 * blocks, rows, columns, header grids with their spans, the printed layout and the cell counts.
 */
import { describe, expect, it } from "vitest";
import { readSpecJson, SPEC_DIR } from "../test-support/spec";
import { rulesFor, tablesWithoutRules } from "../rules/applicable";
import { RULES } from "../rules/catalog";
import { FORMAT_VERSIONS, formatVersionForYear, getFormat, resolveGrid } from "./index";
import type { BlockTableDef, MatrixTableDef, SingleRowTableDef } from "./types";

const spec = readSpecJson();

describe(`format definitions match formats.json (${SPEC_DIR})`, () => {
  for (const version of FORMAT_VERSIONS) {
    describe(version, () => {
      const format = getFormat(version);
      const s = spec.versions[version]!;
      const table = <K extends string>(id: K) => format.tableById.get(id)!;

      it("has the six sections in order with the format's headings and aliases", () => {
        expect(format.def.sections.map((x) => [x.id, x.order, x.heading.zh, x.kind, x.table ?? null])).toEqual(
          s.sections.map((x) => [x.id, x.order, x.heading, x.kind, x.table ?? null]),
        );
        for (const section of s.sections) {
          const ours = format.def.sections.find((x) => x.id === section.id)!;
          expect([...ours.headingAliases]).toEqual(section.headingAliases ?? []);
        }
      });

      it("二: blocks, rows and columns with exact labels and kinds", () => {
        const ours = table("activeDisclosure") as BlockTableDef;
        const theirs = s.tables.activeDisclosure;
        expect(ours.rowHeaderLabel.zh).toBe(theirs.rowHeaderLabel);
        expect(ours.blocks.map((b) => [b.id, b.label.zh])).toEqual(theirs.blocks.map((b) => [b.id, b.label]));
        ours.blocks.forEach((block, i) => {
          const specBlock = theirs.blocks[i]!;
          expect(block.rows.map((r) => [r.id, r.label.zh])).toEqual(specBlock.rows.map((r) => [r.id, r.label]));
          expect(block.columns.map((c) => [c.id, c.label.zh, c.kind, c.unit ?? null])).toEqual(
            specBlock.columns.map((c) => [
              c.id,
              c.label,
              c.type === "decimal" ? "money" : c.signed ? "signedCount" : "count",
              c.unit ?? null,
            ]),
          );
        });
        expect(format.cellsByTable.get("activeDisclosure")).toHaveLength(theirs.cellCount);
      });

      it("三: header grid, columns, groups and rows with exact labels", () => {
        const ours = table("applications") as MatrixTableDef;
        const theirs = s.tables.applications;
        expect(ours.headerGrid.map((row) => row.map((c) => [c.label.zh, c.rowspan ?? 1, c.colspan ?? 1]))).toEqual(
          theirs.headerGrid.map((row) => row.map((c) => [c.text, c.rowspan ?? 1, c.colspan ?? 1])),
        );
        expect(ours.headerGrid[0]![0]!.label.zh).toBe(theirs.footnoteInHeader);
        expect(ours.columns.map((c) => [c.id, c.label.zh, c.group])).toEqual(theirs.columns.map((c) => [c.id, c.label, c.group ?? null]));
        expect(ours.columnGroups.map((g) => [g.id, g.label.zh, [...g.members]])).toEqual(
          theirs.columnGroups.map((g) => [g.id, g.label, g.members]),
        );
        expect(ours.rows.map((r) => [r.id, r.label.zh, r.level, r.data])).toEqual(theirs.rows.map((r) => [r.id, r.label, r.level, r.data]));
        expect(ours.rows.filter((r) => r.data)).toHaveLength(theirs.dataRowCount);
        expect(format.cellsByTable.get("applications")).toHaveLength(theirs.cellCount);
        expect(ours.derivedRows.map((d) => d.id)).toEqual(theirs.derived.map((d) => d.id));
      });

      it("三: the printed layout gives each row the span the format gives it", () => {
        const layout = format.layouts.find((l) => l.tableId === "applications")!;
        const theirs = s.tables.applications;
        const labelCells = layout.rows.slice(layout.headerRows).flatMap((row) => row.filter((c) => c.role === "label"));
        for (const row of theirs.rows) {
          const cell = labelCells.find((c) => c.label?.zh === row.label)!;
          expect(cell, row.label).toBeDefined();
          expect([cell.rowspan, cell.colspan], row.label).toEqual([row.layout?.rowspan ?? 1, row.layout?.colspan ?? 1]);
        }
        expect(layout.columns).toBe(10);
      });

      it("四: header grid and the 15 columns in order with their label paths", () => {
        const ours = table("reviewLitigation") as SingleRowTableDef;
        const theirs = s.tables.reviewLitigation;
        expect(ours.headerGrid.map((row) => row.map((c) => [c.label.zh, c.rowspan ?? 1, c.colspan ?? 1]))).toEqual(
          theirs.headerGrid.map((row) => row.map((c) => [c.text, c.rowspan ?? 1, c.colspan ?? 1])),
        );
        const cells = format.cellsByTable.get("reviewLitigation")!;
        expect(cells.map((c) => [c.id, c.labelPath.map((l) => l.zh)])).toEqual(
          [...theirs.columns].sort((a, b) => a.order - b.order).map((c) => [c.id, c.labelPath]),
        );
        expect(cells).toHaveLength(theirs.cellCount);
      });

      it("every layout covers its grid exactly once and places every cell once", () => {
        for (const layout of format.layouts) {
          const grid = resolveGrid(layout);
          expect(grid.every((row) => row.length === layout.columns)).toBe(true);
          const ids = layout.rows.flat().flatMap((c) => (c.cellId ? [c.cellId] : []));
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.sort()).toEqual(
            format.cellsByTable
              .get(layout.tableId)!
              .map((c) => c.id)
              .sort(),
          );
        }
      });
    });
  }

  it("every table of every format is checked by some rule (a format added without rules fails here)", () => {
    for (const version of FORMAT_VERSIONS) expect(tablesWithoutRules(version), version).toEqual([]);
  });

  it("the years each format applies to", () => {
    expect(formatVersionForYear(2019)).toBe("2019");
    expect(formatVersionForYear(2020)).toBe("2019");
    expect(formatVersionForYear(2021)).toBe("2021");
    expect(formatVersionForYear(2025)).toBe("2021");
  });

  it("every rule of formats.json is decided here or by a named layer, and no rule is invented", () => {
    // Decided outside the single-document validator: R-LABELS when importing (label normalisation),
    // R-IMMUTABLE by the server's revision store.
    const elsewhere = new Set(["R-LABELS", "R-IMMUTABLE"]);
    const ours = new Set(RULES.map((r) => r.id));
    const theirs = new Set(spec.rules.map((r) => r.id));
    expect([...theirs].filter((id) => !ours.has(id) && !elsewhere.has(id))).toEqual([]);
    expect([...ours].filter((id) => !theirs.has(id))).toEqual([]);
    for (const rule of spec.rules) {
      const mine = RULES.filter((r) => r.id === rule.id);
      const versions = FORMAT_VERSIONS.filter((v) => rulesFor(v).some((r) => r.id === rule.id));
      if (mine.length) expect(versions, rule.id).toEqual([...rule.versions].sort());
      if (mine.length && typeof rule.severity === "string") {
        expect(
          mine.every((r) => r.severity === rule.severity),
          rule.id,
        ).toBe(true);
      }
    }
  });
});
