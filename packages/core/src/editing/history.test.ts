import { describe, expect, it } from "vitest";
import { EMPTY_HISTORY, recordStep, redoStep, undoStep } from "./history";

describe("edit history", () => {
  it("takes back a whole paste in one step and does it again", () => {
    let h = recordStep(EMPTY_HISTORY, [{ cellId: "a", before: null, after: 1 }]);
    h = recordStep(h, [
      { cellId: "b", before: null, after: 2 },
      { cellId: "c", before: 5, after: 3 },
    ]);
    const undone = undoStep(h)!;
    expect(undone.edits).toEqual([
      ["c", 5],
      ["b", null],
    ]);
    const again = redoStep(undone.history)!;
    expect(again.edits).toEqual([
      ["b", 2],
      ["c", 3],
    ]);
    const first = undoStep(undoStep(again.history)!.history)!;
    expect(first.edits).toEqual([["a", null]]);
    expect(undoStep(first.history)).toBeNull();
  });

  it("forgets the redo list on a new edit, ignores edits that change nothing, and keeps a bounded past", () => {
    const h = recordStep(EMPTY_HISTORY, [{ cellId: "a", before: null, after: 1 }]);
    const undone = undoStep(h)!.history;
    expect(redoStep(recordStep(undone, [{ cellId: "b", before: 0, after: 1 }]))).toBeNull();
    expect(recordStep(h, [{ cellId: "a", before: 1, after: 1 }])).toBe(h);
    let long = EMPTY_HISTORY;
    for (let i = 0; i < 20; i++) long = recordStep(long, [{ cellId: "a", before: i, after: i + 1 }], 5);
    expect(long.past.length).toBe(5);
    expect(long.past[0]!.changes[0]!.after).toBe(16);
  });
});
