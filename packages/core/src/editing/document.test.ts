import { describe, expect, it } from "vitest";
import { getCell } from "../schema/values";
import { sampleReport } from "../testing/index";
import { cellValueOf, withCellValues } from "./document";

describe("changing cells", () => {
  it("copies only the objects on the changed path", () => {
    const report = sampleReport({ seed: 5, year: 2023 });
    const next = withCellValues(report, [["applications.results.denied.stateSecret.natural", 42]]);
    expect(getCell(next, "applications.results.denied.stateSecret.natural")).toBe(42);
    expect(getCell(report, "applications.results.denied.stateSecret.natural")).not.toBe(42);
    expect(next.tables.reviewLitigation).toBe(report.tables.reviewLitigation);
    expect(next.tables.applications.newReceived).toBe(report.tables.applications.newReceived);
    expect(next.tables.applications.results.denied).not.toBe(report.tables.applications.results.denied);
    expect(next.sections).toBe(report.sections);
    expect(cellValueOf(next, "applications.results.denied.stateSecret.natural")).toBe(42);
  });

  it("returns the same document when nothing changes, and refuses unknown cells", () => {
    const report = sampleReport({ seed: 5, year: 2023 });
    const same = withCellValues(report, [
      ["applications.newReceived.natural", getCell(report, "applications.newReceived.natural") as number],
    ]);
    expect(same).toBe(report);
    expect(() => withCellValues(report, [["applications.nope", 1]])).toThrow(RangeError);
  });
});
