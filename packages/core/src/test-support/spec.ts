/**
 * The format specification kept in the repository (`spec/formats.json` at its root; see spec/README.md).
 * It is read, never skipped: a clone without it fails these tests rather than passing them silently.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The repository's `spec/` folder, four levels above this file (packages/core/src/test-support/spec.ts). */
export const SPEC_DIR = join(import.meta.dirname, "..", "..", "..", "..", "spec");

export function readSpecJson(): SpecJson {
  return JSON.parse(readFileSync(join(SPEC_DIR, "formats.json"), "utf8")) as SpecJson;
}

/* The parts of formats.json the tests read (loosely typed: it is data written by people). */
interface SpecLabelled {
  id: string;
  label: string;
}
interface SpecColumn extends SpecLabelled {
  type: "integer" | "decimal";
  signed?: boolean;
  unit?: string | null;
  group?: string | null;
}
export interface SpecJson {
  versions: Record<
    string,
    {
      appliesToReportYears: unknown;
      sections: { id: string; order: number; heading: string; kind: string; table?: string; headingAliases?: string[] }[];
      tables: {
        activeDisclosure: {
          rowHeaderLabel: string;
          cellCount: number;
          blocks: { id: string; label: string; columns: SpecColumn[]; rows: SpecLabelled[] }[];
        };
        applications: {
          cellCount: number;
          dataRowCount: number;
          footnoteInHeader: string;
          headerGrid: { text: string; rowspan?: number; colspan?: number; col?: string }[][];
          columns: SpecColumn[];
          columnGroups: { id: string; label: string; members: string[] }[];
          rows: { id: string; label: string; level: number; data: boolean; layout?: { rowspan?: number; colspan?: number } }[];
          derived: { id: string; formula: string }[];
        };
        reviewLitigation: {
          cellCount: number;
          headerGrid: { text: string; rowspan?: number; colspan?: number }[][];
          columns: { order: number; id: string; labelPath: string[]; type: string }[];
        };
      };
    }
  >;
  rules: { id: string; versions: string[]; severity: string | Record<string, string> }[];
  fixtures: ({ id: string; formatVersion: "2019" | "2021"; year: number; agency: string; publishedAt: string } & Record<string, unknown>)[];
}
