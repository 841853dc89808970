/**
 * Findings of stored revisions, kept by what they are computed from: the revision, last year's revision
 * it is compared with, the day in China (deadlines), the language of the messages and whether the
 * findings of the import the revision was read from count (they are kept with the revision and never
 * change, so the revision names them). Validation is a pure function of these, and a stored revision
 * never changes once written, so an entry can never go stale: when a draft is saved, a report of last year is published or corrected, or the day turns, the
 * key changes and the findings are computed afresh. This is why the cache is safe however many server
 * instances share one database: no instance's write can make another's entry wrong, so nothing has to
 * be told or invalidated. The only thing an instance could disagree on is the validator itself, during
 * an upgrade that changes rules — the same as without a cache.
 *
 * The findings are checked against the finding schema once, when they are computed, and kept frozen;
 * the procedures send them without checking them again (checked-output.ts).
 */
import { type Finding, findingSchema, type Lang } from "@nianbao/core";
import {
  type Database,
  findReportByOrgYear,
  getRevisionDocument,
  getRevisionImportFindings,
  isReportDetail,
  type Report,
  type RevisionRef,
} from "@nianbao/db";
import { z } from "zod";
import { markCheckedFindings } from "./checked-output";
import { chinaToday, validateForFiling } from "./findings";

/** Enough for this year's and last year's report of every department of a large district, in two languages. */
const FINDINGS_KEPT = 4096;
const kept = new WeakMap<Database, Map<string, readonly Finding[]>>();
const findingsSchema = z.array(findingSchema);

function entries(db: Database): Map<string, readonly Finding[]> {
  let map = kept.get(db);
  if (!map) kept.set(db, (map = new Map()));
  return map;
}

/**
 * `judged`: cells the import could not read are unchecked (reading a revision). `strict`: every empty
 * cell is one to fill in (submitting it): an importer's gap is still a gap in the report sent on.
 */
export type ImportReading = "judged" | "strict";

function keyOf(revision: RevisionRef, previous: RevisionRef | null, today: string, lang: Lang, reading: ImportReading): string {
  const last = previous ? `${previous.reportId}#${previous.revisionNo}` : "-";
  return `${revision.reportId}#${revision.revisionNo}|${last}|${today}|${lang}|${reading}`;
}

/** Last year's revision that validation compares this report with: the published one, else the latest. */
export async function previousYearRef(db: Database, report: Report): Promise<RevisionRef | null> {
  if (isReportDetail(report)) return report.previousYear;
  const previous = await findReportByOrgYear(db, report.orgId, report.year - 1);
  return previous ? { reportId: previous.id, revisionNo: previous.publishedRevision ?? previous.currentRevision } : null;
}

export async function previousYearDocumentOf(db: Database, previous: RevisionRef | null) {
  return previous ? getRevisionDocument(db, previous.reportId, previous.revisionNo) : null;
}

function keep(db: Database, key: string, findings: Finding[]): readonly Finding[] {
  const checked = markCheckedFindings(Object.freeze(findingsSchema.parse(findings).map((f) => Object.freeze(f))) as Finding[]);
  const map = entries(db);
  map.set(key, checked);
  if (map.size > FINDINGS_KEPT) map.delete(map.keys().next().value!);
  return checked;
}

/** Findings of a stored revision of this report, as filing sees them on the day of `now`. */
export async function storedRevisionFindings(
  db: Database,
  report: Report,
  revisionNo: number,
  now: number,
  lang: Lang,
  reading: ImportReading = "judged",
): Promise<readonly Finding[]> {
  const previous = await previousYearRef(db, report);
  const key = keyOf({ reportId: report.id, revisionNo }, previous, chinaToday(now), lang, reading);
  const map = entries(db);
  const found = map.get(key);
  if (found) {
    // Least recently used goes first: re-insert to move this one to the end.
    map.delete(key);
    map.set(key, found);
    return found;
  }
  const [document, previousDocument, importFindings] = await Promise.all([
    getRevisionDocument(db, report.id, revisionNo),
    previousYearDocumentOf(db, previous),
    reading === "judged" ? getRevisionImportFindings(db, report, revisionNo) : [],
  ]);
  return keep(db, key, validateForFiling(document, previousDocument, now, lang, importFindings));
}

/** After a save: the findings just computed for the new revision (as read, not as submitted), so that reading it back costs nothing. */
export function rememberFindings(
  db: Database,
  revision: RevisionRef,
  previous: RevisionRef | null,
  now: number,
  lang: Lang,
  findings: Finding[],
): void {
  keep(db, keyOf(revision, previous, chinaToday(now), lang, "judged"), findings);
}
