/**
 * The roll-up of an organisation's subtree for a year, from the sums kept in the database
 * (`rollup_sums`, current with every workflow step) instead of from every report's document: the
 * figures are core's `RollUp` fed those sums, so values, findings and reconciliation are exactly what
 * `aggregateReports` gives on the same reports. Per-cell lists come from one pass over the counting
 * reports' cell indices. A result is reused while nothing below the organisation changed.
 */
import { type AggregateResult, type FormatVersion, getFormat, type Lang, reconcileReports, RollUp, type SummedLists } from "@nianbao/core";
import {
  countedRevision,
  type CountingInput,
  type Database,
  findReportByOrgYear,
  getRevision,
  listCountingDetails,
  listCountingInputs,
  listNonCounting,
  type Organisation,
  readRollupSums,
  type ReportStatus,
  subtreeStamp,
} from "@nianbao/db";

/** Lists in a roll-up (inputs, organisations with nothing counting, contributors of a cell) stop here; counts are always whole. */
export const LISTED = 200;
/** Core lists at most this many inputs that left a cell empty. */
const MISSING_LISTED = 50;

export interface RollupOut {
  year: number;
  formatVersion: AggregateResult["formatVersion"] | null;
  inputs: { reportId: string; orgId: string; orgName: string; status: ReportStatus; revision: number }[];
  inputCount: number;
  missing: { orgId: string; orgName: string; status: ReportStatus | null }[];
  missingCount: number;
  report: AggregateResult["report"];
  cells: Record<string, { value: number | string | null; reported: number; partialSum: number | string; contributors: string[]; contributorCount: number; missing: string[] }>;
  findings: AggregateResult["findings"];
  reconciliation: { reportId: string; revision: number; differences: ReturnType<typeof reconcileReports> } | null;
}

const KEPT = 64;
const kept = new WeakMap<Database, Map<string, RollupOut>>();

export async function rollupOf(db: Database, org: Organisation, year: number, lang: Lang): Promise<RollupOut> {
  const [{ sums, stamp }, subtree, own] = [
    await db.read((tx) => readRollupSums(tx, org.id, year)),
    await subtreeStamp(db, org),
    await findReportByOrgYear(db, org.id, year),
  ];
  const ownRevision = own ? (countedRevision(own) ?? own.currentRevision) : null;
  const key = [org.id, year, lang, stamp, subtree.below, subtree.changedAt, org.name, own?.id, ownRevision].join("|");
  let cache = kept.get(db);
  if (!cache) kept.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;

  const rows = await listCountingInputs(db, org, year);
  const mixed = new Set(rows.map((r) => r.formatVersion)).size > 1;
  const { lists, counts } = cellLists(rows, mixed);
  const rollUp = new RollUp({ agency: { name: org.name, kind: org.kind }, year, lang, contributors: true });
  for (const sum of sums) rollUp.addSummed(sum, lists.get(sum.formatVersion) ?? { missing: [] });
  const result = rollUp.result();
  const orgIdAt = (i: number) => rows[i]!.orgId;
  const target = result.formatVersion === "mixed" ? null : counts.get(result.formatVersion);
  const cells: RollupOut["cells"] = {};
  for (const [id, cell] of Object.entries(result.cells)) {
    const contributors = cell.contributors ?? [];
    cells[id] = {
      value: cell.value,
      reported: cell.reported,
      partialSum: cell.partialSum,
      contributors: contributors.slice(0, LISTED).map(orgIdAt),
      contributorCount: target ? (target[getFormat(result.formatVersion as FormatVersion).cellById.get(id)!.index] ?? 0) : contributors.length,
      missing: cell.missingInputs.map(orgIdAt),
    };
  }
  const reconciliation =
    own && ownRevision && result.report && rows.length
      ? { reportId: own.id, revision: ownRevision, differences: reconcileReports(result.report, (await getRevision(db, own.id, ownRevision)).document, lang) }
      : null;
  const out: RollupOut = {
    year,
    formatVersion: rows.length ? result.formatVersion : null,
    inputs: (await listCountingDetails(db, org, year, LISTED)).map((r) => ({ reportId: r.reportId, orgId: r.orgId, orgName: r.orgName, status: r.status, revision: r.revisionNo })),
    inputCount: rows.length,
    missing: await listNonCounting(db, org, year, LISTED),
    missingCount: subtree.below - rows.length,
    report: rows.length ? result.report : null,
    cells,
    findings: result.findings,
    reconciliation,
  };
  cache.set(key, out);
  if (cache.size > KEPT) cache.delete(cache.keys().next().value!);
  return out;
}

/**
 * Per format, by cell index: the first inputs that left the cell empty, the first (all, in a mixed
 * roll-up, where core merges the formats' lists) that gave it a non-zero value, and how many did.
 */
function cellLists(rows: readonly CountingInput[], mixed: boolean): { lists: Map<string, SummedLists>; counts: Map<string, number[]> } {
  const missing = new Map<string, number[][]>();
  const contributors = new Map<string, number[][]>();
  const counts = new Map<string, number[]>();
  const slot = <T>(map: Map<string, T[]>, version: string, i: number, make: () => T): T => {
    let list = map.get(version);
    if (!list) map.set(version, (list = []));
    return (list[i] ??= make());
  };
  rows.forEach((row, input) => {
    for (const cell of indices(row.missing)) {
      const list = slot(missing, row.formatVersion, cell, () => []);
      if (list.length < MISSING_LISTED) list.push(input);
    }
    for (const cell of indices(row.nonZero)) {
      const list = slot(contributors, row.formatVersion, cell, () => []);
      if (mixed || list.length < LISTED) list.push(input);
      let count = counts.get(row.formatVersion);
      if (!count) counts.set(row.formatVersion, (count = []));
      count[cell] = (count[cell] ?? 0) + 1;
    }
  });
  const lists = new Map<string, SummedLists>();
  for (const version of new Set(rows.map((r) => r.formatVersion))) {
    lists.set(version, { missing: missing.get(version) ?? [], contributors: contributors.get(version) ?? [] });
  }
  const dense = new Map([...counts].map(([v, c]) => [v, Array.from(c, (n) => n ?? 0)]));
  return { lists, counts: dense };
}

function indices(list: string): number[] {
  return list ? list.split(",").map(Number) : [];
}
