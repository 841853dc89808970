/** What changed between two revisions: cells (by canonical id, with the form's labels), texts and header fields. */
import { cellEntries, getFormat, type Lang, type ReportDocument, TEXT_SECTION_KEYS } from "@nianbao/core";

export interface Change {
  /** `cell` (a table cell), `section` (一/五/六 text) or `field` (year, agency, publishedAt). */
  kind: "cell" | "section" | "field";
  /** Cell id, section key or field path. */
  id: string;
  label: string;
  before: number | string | boolean | null;
  after: number | string | boolean | null;
}

export function diffDocuments(before: ReportDocument, after: ReportDocument, lang: Lang): Change[] {
  const changes: Change[] = [];
  const fields: [string, unknown, unknown][] = [
    ["formatVersion", before.formatVersion, after.formatVersion],
    ["year", before.year, after.year],
    ["agency.name", before.agency.name, after.agency.name],
    ["agency.kind", before.agency.kind, after.agency.kind],
    ["publishedAt", before.publishedAt, after.publishedAt],
  ];
  for (const [id, a, b] of fields) {
    if (a !== b) changes.push({ kind: "field", id, label: id, before: a as Change["before"], after: b as Change["after"] });
  }
  const format = getFormat(after.formatVersion);
  for (const key of TEXT_SECTION_KEYS) {
    if (before.sections[key] !== after.sections[key]) {
      const heading = format.def.sections.find((s) => s.key === key)?.heading[lang] ?? key;
      changes.push({ kind: "section", id: key, label: heading, before: before.sections[key], after: after.sections[key] });
    }
  }
  const old = new Map(before.formatVersion === after.formatVersion ? cellEntries(before) : []);
  for (const [id, value] of cellEntries(after)) {
    const previous = old.has(id) ? old.get(id) : null;
    if (previous !== value) {
      const cell = format.cellById.get(id)!;
      changes.push({
        kind: "cell",
        id,
        label: cell.labelPath.map((l) => l[lang]).join(" / "),
        before: (previous ?? null) as Change["before"],
        after: (value ?? null) as Change["after"],
      });
    }
  }
  return changes;
}
