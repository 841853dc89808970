/**
 * Comparing my unsaved input with what someone else saved meanwhile, per cell and per text section,
 * against the revision both started from. Pure: the conflict view shows it, the clerk chooses.
 */
import {
  cellInputText,
  cellPath,
  cellValueOf,
  type CellValue,
  getFormat,
  type Lang,
  type ReportDocument,
  type SectionKey,
  TEXT_SECTION_KEYS,
  withCellValues,
} from "@nianbao/core";
import { sameJson } from "./persistence";

export interface Difference {
  readonly kind: "cell" | "section";
  /** Cell id, or the section key. */
  readonly id: string;
  readonly label: string;
  readonly base: string | null;
  readonly mine: string;
  readonly theirs: string;
  /** What the view proposes: mine where I changed it, theirs where only they did. */
  readonly proposal: "mine" | "theirs";
}

function shown(value: unknown): string {
  return cellInputText(value);
}

export function differences(
  base: ReportDocument | null,
  mine: ReportDocument,
  theirs: ReportDocument,
  lang: Lang,
  sectionHeading: (key: SectionKey) => string,
  /** Cells worked out from others (computed totals): they follow the choices, nothing to choose. */
  computed: ReadonlySet<string> = new Set(),
): Difference[] {
  const format = getFormat(theirs.formatVersion);
  const out: Difference[] = [];
  for (const cell of format.cells) {
    if (computed.has(cell.id)) continue;
    const m = cellValueOf(mine, cell.id);
    const th = cellValueOf(theirs, cell.id);
    if (sameJson(m ?? null, th ?? null)) continue;
    const b = base ? cellValueOf(base, cell.id) : undefined;
    const iChanged = base === null || !sameJson(m ?? null, b ?? null);
    out.push({
      kind: "cell",
      id: cell.id,
      label: cellPath(cell, lang),
      base: base ? shown(b) : null,
      mine: shown(m),
      theirs: shown(th),
      proposal: iChanged ? "mine" : "theirs",
    });
  }
  for (const key of TEXT_SECTION_KEYS) {
    const m = mine.sections[key];
    const th = theirs.sections[key];
    if (m === th) continue;
    const b = base?.sections[key];
    out.push({
      kind: "section",
      id: key,
      label: sectionHeading(key),
      base: base ? (b ?? "") : null,
      mine: m,
      theirs: th,
      proposal: base === null || m !== b ? "mine" : "theirs",
    });
  }
  return out;
}

/** Their document with my values where I chose mine. */
export function resolve(
  mine: ReportDocument,
  theirs: ReportDocument,
  choices: ReadonlyMap<string, "mine" | "theirs">,
  diffs: readonly Difference[],
): ReportDocument {
  const cells: [string, CellValue][] = [];
  let sections = theirs.sections;
  for (const diff of diffs) {
    if (choices.get(`${diff.kind}:${diff.id}`) !== "mine") continue;
    if (diff.kind === "cell") cells.push([diff.id, (cellValueOf(mine, diff.id) ?? null) as CellValue]);
    else sections = { ...sections, [diff.id]: mine.sections[diff.id as SectionKey] };
  }
  return withCellValues({ ...theirs, sections }, cells);
}
