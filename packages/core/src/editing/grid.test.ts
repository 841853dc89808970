import { describe, expect, it } from "vitest";
import { FORMAT_VERSIONS, getFormat } from "../formats/index";
import { gridModel, moveInGrid } from "./grid";

const layouts = getFormat("2021").layouts;
const grid = (tableId: string) => gridModel(layouts.find((l) => l.tableId === tableId)!);

describe("grid navigation", () => {
  it("lists every cell of every table once, in visual order", () => {
    for (const version of FORMAT_VERSIONS) {
      const format = getFormat(version);
      for (const layout of format.layouts) {
        const model = gridModel(layout);
        expect(new Set(model.cells.map((c) => c.cellId))).toEqual(new Set(format.cellsByTable.get(layout.tableId)!.map((c) => c.id)));
        expect(model.cells.length).toBe(format.cellsByTable.get(layout.tableId)!.length);
      }
    }
    const applications = grid("applications");
    expect(applications.rows.length).toBe(getFormat("2021").cellsByTable.get("applications")!.length / 7);
    expect(applications.cells[0]!.cellId).toBe("applications.newReceived.natural");
    expect(applications.cells[7]!.cellId).toBe("applications.carriedOver.natural");
  });

  it("moves like a spreadsheet: arrows stop at the edge, Tab wraps to the next row", () => {
    const g = grid("applications");
    expect(moveInGrid(g, "applications.newReceived.natural", "right")).toBe("applications.newReceived.commercial");
    expect(moveInGrid(g, "applications.newReceived.natural", "left")).toBe("applications.newReceived.natural");
    expect(moveInGrid(g, "applications.newReceived.natural", "up")).toBe("applications.newReceived.natural");
    expect(moveInGrid(g, "applications.newReceived.research", "down")).toBe("applications.carriedOver.research");
    // Header-only rows (三、本年度办理结果) carry no cells: down from 二 lands on （一）予以公开.
    expect(moveInGrid(g, "applications.carriedOver.total", "down")).toBe("applications.results.granted.total");
    expect(moveInGrid(g, "applications.newReceived.total", "right")).toBe("applications.newReceived.total");
    expect(moveInGrid(g, "applications.newReceived.total", "next")).toBe("applications.carriedOver.natural");
    expect(moveInGrid(g, "applications.carriedOver.natural", "previous")).toBe("applications.newReceived.total");
    expect(moveInGrid(g, "applications.carriedForward.total", "next")).toBe("applications.carriedForward.total");
    expect(moveInGrid(g, "applications.results.granted.research", "rowEnd")).toBe("applications.results.granted.total");
    expect(moveInGrid(g, "applications.results.granted.research", "first")).toBe("applications.newReceived.natural");
    expect(moveInGrid(g, "nope", "down")).toBeUndefined();
  });

  it("moves up and down through the blocks of table 二 by grid column", () => {
    const g = grid("activeDisclosure");
    // 行政许可 has one column spanning the three of 规章/行政规范性文件.
    expect(moveInGrid(g, "activeDisclosure.normativeDocuments.inForce", "down")).toBe("activeDisclosure.licensing.decisions");
    expect(moveInGrid(g, "activeDisclosure.licensing.decisions", "up")).toBe("activeDisclosure.normativeDocuments.issued");
    expect(moveInGrid(g, "activeDisclosure.coercion.decisions", "down")).toBe("activeDisclosure.fees.amount");
  });
});
