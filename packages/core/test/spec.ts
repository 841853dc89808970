/**
 * The shared specification (../shared/spec next to the repository, read-only): located by walking up
 * to the workspace root, or from NIANBAO_SPEC_DIR. Tests that compare against it skip, saying so, on
 * a machine that has no copy of it.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

function findSpecDir(): string | null {
  if (process.env.NIANBAO_SPEC_DIR) return process.env.NIANBAO_SPEC_DIR;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (dir !== dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) {
      const spec = resolve(dir, "..", "shared", "spec");
      return existsSync(join(spec, "formats.json")) ? spec : null;
    }
    dir = dirname(dir);
  }
  return null;
}

export const SPEC_DIR = findSpecDir();

export function readSpecJson(): SpecJson {
  if (!SPEC_DIR) throw new Error("spec not found");
  return JSON.parse(readFileSync(join(SPEC_DIR, "formats.json"), "utf8")) as SpecJson;
}

/* The parts of formats.json the tests read (loosely typed: it is data written by people). */
export interface SpecLabelled {
  id: string;
  label: string;
}
export interface SpecColumn extends SpecLabelled {
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
  fixtures: ({ id: string; formatVersion: "2019" | "2021"; year: number; agency: string; publishedAt: string } & Record<
    string,
    unknown
  >)[];
}
