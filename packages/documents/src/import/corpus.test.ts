/**
 * The regression corpus: real published reports reproduced as they reach us (README.md names each
 * one's address). Every file is imported and every cell compared with its hand-checked expectation.
 * A wrong number anywhere fails; the right and empty counts are printed.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkCorpusDir, formatCorpusFigures } from "./index";

const DIR = path.join(import.meta.dirname, "..", "..", "test", "corpus");

describe("the corpus of real published reports", async () => {
  const files = await checkCorpusDir(DIR);

  it("has files, each with its source and shapes", () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const f of files) {
      expect(f.expectation.source, f.file).toMatch(/^https?:\/\//u);
      expect(f.expectation.shapes.length, f.file).toBeGreaterThan(0);
    }
    // eslint-disable-next-line no-console -- the figures are the point of this suite
    console.log(`\n${formatCorpusFigures(files)}\n`);
  });

  for (const f of files) {
    describe(path.basename(f.file), () => {
      it("is imported, not refused", () => {
        expect("refused" in f.result ? f.result.refused : null).toBeNull();
      });
      it("places no wrong number", () => {
        expect(f.score.wrong).toEqual([]);
      });
      it("names every cell it left empty in an IMPORT-* finding", () => {
        expect(f.score.unexplained).toEqual([]);
      });
      it("reads the format version from the tables", () => {
        expect(f.score.formatRight).toBe(true);
      });
      if (typeof f.expectation.year === "number") {
        it("finds the report year", () => {
          expect(f.score.yearRight).toBe(true);
        });
      }
    });
  }
});
