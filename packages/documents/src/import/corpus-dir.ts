/**
 * A corpus directory: every file `<name>.<ext>` that has a `<name>.expected.json` beside it is a
 * reproduced report; it is imported and scored against its expectation (./corpus).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type CorpusEntry, type CorpusExpectation, type CorpusScore, expectedCells, scoreImport } from "./corpus";
import { ImportError } from "./errors";
import { importReport, type ImportResult } from "./index";

const EXPECTED = ".expected.json";

export interface CheckedFile extends CorpusEntry {
  /** The import, or the one-line refusal when the file was refused (every legible cell counts as empty). */
  readonly result: ImportResult | { readonly refused: string };
}

/** What a refused file scores: nothing read, nothing wrong. */
function refusedScore(expectation: CorpusExpectation): CorpusScore {
  const cells = [...expectedCells(expectation).values()];
  return {
    right: 0,
    empty: cells.filter((v) => v !== null).length,
    blanks: 0,
    wrong: [],
    unexplained: [],
    yearRight: expectation.year === undefined || expectation.year === null ? null : false,
    formatRight: false,
  };
}

export async function checkCorpusDir(dir: string): Promise<CheckedFile[]> {
  const names = readdirSync(dir).sort();
  const out: CheckedFile[] = [];
  for (const name of names) {
    if (name.endsWith(EXPECTED) || !names.includes(`${name.replace(/\.[^.]+$/u, "")}${EXPECTED}`)) continue;
    const expectation = JSON.parse(
      readFileSync(path.join(dir, `${name.replace(/\.[^.]+$/u, "")}${EXPECTED}`), "utf8"),
    ) as CorpusExpectation;
    try {
      const result = await importReport(new Uint8Array(readFileSync(path.join(dir, name))), { filename: name });
      out.push({ file: name, expectation, score: scoreImport(result.report, result.findings, expectation), result });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      out.push({ file: name, expectation, score: refusedScore(expectation), result: { refused: error.message } });
    }
  }
  return out;
}
