/**
 * The roll-up of an organisation's subtree for a year, from the sums kept in the database
 * (`rollup_sums`, current with every workflow step) instead of from every report's document: the
 * figures are core's `RollUp` fed those sums, so values, findings and reconciliation are exactly what
 * `aggregateReports` gives on the same reports, with the inputs in path order (each organisation, then
 * its subtree). Per-cell lists come from the counting reports' cell indices, read in that order only
 * until every list is full. A result is reused while nothing below the organisation changed.
 */
import { type AggregateResult, type FormatVersion, getFormat, type Lang, reconcileReports, RollUp, type SummedLists } from "@nianbao/core";
import {
  countBelow,
  countedRevision,
  type Database,
  findReportByOrgYear,
  getRevision,
  listChildRollups,
  listCountingDetails,
  listNonCounting,
  organisationsChangedAt,
  type Organisation,
  readRollupSums,
  type StoredRollup,
  type ReportStatus,
} from "@nianbao/db";

/** Lists in a roll-up (inputs, organisations with nothing counting, contributors of a cell) stop here; counts are always whole. */
const LISTED = 200;
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
  cells: Record<
    string,
    {
      value: number | string | null;
      reported: number;
      partialSum: number | string;
      contributors: string[];
      contributorCount: number;
      missing: string[];
    }
  >;
  findings: AggregateResult["findings"];
  reconciliation: { reportId: string; revision: number; differences: ReturnType<typeof reconcileReports> } | null;
}

const KEPT = 64;
const kept = new WeakMap<Database, Map<string, RollupOut>>();

export async function rollupOf(db: Database, org: Organisation, year: number, lang: Lang): Promise<RollupOut> {
  // Independent reads go out together: on PostgreSQL each takes its own pooled connection, so a call
  // waits for about one round trip per stage instead of one per query.
  const [{ sums, stamp }, orgsChangedAt, own] = await Promise.all([
    db.read((tx) => readRollupSums(tx, org.id, year)),
    organisationsChangedAt(db),
    findReportByOrgYear(db, org.id, year),
  ]);
  const ownRevision = own ? (countedRevision(own) ?? own.currentRevision) : null;
  const key = [org.id, year, lang, stamp, orgsChangedAt, org.name, own?.id, ownRevision].join("|");
  let cache = kept.get(db);
  if (!cache) kept.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;

  const inputCount = sums.reduce((n, sum) => n + sum.inputs, 0);
  const reconciled = own && ownRevision && inputCount ? { reportId: own.id, revision: ownRevision } : null;
  const [{ lists, orgIds }, inputs, missing, below, ownRevisionRow] = await Promise.all([
    cellLists(db, org, year, sums),
    listCountingDetails(db, org, year, LISTED),
    listNonCounting(db, org, year, LISTED),
    countBelow(db, org),
    reconciled ? getRevision(db, reconciled.reportId, reconciled.revision) : null,
  ]);
  const rollUp = new RollUp({ agency: { name: org.name, kind: org.kind }, year, lang, contributors: true });
  for (const sum of sums) rollUp.addSummed(sum, lists.get(sum.formatVersion)!);
  const result = rollUp.result();
  const orgIdAt = (i: number) => orgIds.get(i)!;
  const counts = result.formatVersion === "mixed" ? null : sums.find((sum) => sum.formatVersion === result.formatVersion)?.nonZero;
  const cells: RollupOut["cells"] = {};
  for (const [id, cell] of Object.entries(result.cells)) {
    const contributors = cell.contributors ?? [];
    cells[id] = {
      value: cell.value,
      reported: cell.reported,
      partialSum: cell.partialSum,
      contributors: contributors.slice(0, LISTED).map(orgIdAt),
      contributorCount: counts
        ? (counts[getFormat(result.formatVersion as FormatVersion).cellById.get(id)!.index] ?? 0)
        : contributors.length,
      missing: cell.missingInputs.map(orgIdAt),
    };
  }
  const reconciliation =
    reconciled && ownRevisionRow && result.report
      ? { ...reconciled, differences: reconcileReports(result.report, ownRevisionRow.document, lang) }
      : null;
  const out: RollupOut = {
    year,
    formatVersion: inputCount ? result.formatVersion : null,
    inputs: inputs.map((r) => ({ reportId: r.reportId, orgId: r.orgId, orgName: r.orgName, status: r.status, revision: r.revisionNo })),
    inputCount,
    missing,
    missingCount: below - inputCount,
    report: inputCount ? result.report : null,
    cells,
    findings: result.findings,
    reconciliation,
  };
  cache.set(key, out);
  if (cache.size > KEPT) cache.delete(cache.keys().next().value!);
  return out;
}

type Needs = Map<string, { contributors: number[]; missing: number[] }>;

/**
 * Per format, by cell index: the first inputs that left the cell empty (core keeps 50) and the first
 * that gave it a non-zero value (all of them in a mixed roll-up, where core merges the formats'
 * lists), with the organisation of each input index met. The tree is walked a level at a time: each
 * child's own report is an input, and the stored counts of its subtree say how many of each cell's
 * wanted entries lie there and how many inputs it holds (so every input's index is known without
 * reading what comes before it). Only subtrees that hold a wanted entry are opened, so a cell filled
 * by a handful of bodies across the country costs the branches that lead to them, not the country.
 */
async function cellLists(db: Database, org: Organisation, year: number, sums: readonly StoredRollup[]) {
  const mixed = sums.length > 1;
  const lists = new Map(
    sums.map((sum) => [
      sum.formatVersion as string,
      { missing: sum.sums.map(() => [] as number[]), contributors: sum.sums.map(() => [] as number[]) },
    ]),
  );
  const needs: Needs = new Map(
    sums.map((sum) => [
      sum.formatVersion as string,
      {
        contributors: sum.nonZero.map((n) => (mixed ? n : Math.min(n, LISTED))),
        missing: sum.missingCount.map((n) => Math.min(n, MISSING_LISTED)),
      },
    ]),
  );
  const orgIds = new Map<number, string>();
  /** Takes the wanted ones among `cells` for the input `input`. */
  const take = (cells: readonly number[], wanted: number[], list: number[][], input: number, orgId: string) => {
    for (const cell of cells) {
      if (wanted[cell]! > 0) {
        wanted[cell]!--;
        list[cell]!.push(input);
        orgIds.set(input, orgId);
      }
    }
  };
  let level = [{ orgId: org.id, first: 0, needs }];
  while (level.length) {
    const children = await listChildRollups(
      db,
      level.map((node) => node.orgId),
      year,
    );
    const next: typeof level = [];
    for (const node of level) {
      let input = node.first;
      for (const child of children.get(node.orgId) ?? []) {
        const own = child.own && node.needs.get(child.own.formatVersion);
        if (child.own) {
          const list = lists.get(child.own.formatVersion);
          if (own && list) {
            take(child.own.missing, own.missing, list.missing, input, child.orgId);
            take(child.own.nonZero, own.contributors, list.contributors, input, child.orgId);
          }
          input++;
        }
        const below: Needs = new Map();
        for (const part of child.below) {
          const wanted = node.needs.get(part.formatVersion);
          if (!wanted) continue;
          const split = (left: number[], there: number[]) =>
            left.map((n, cell) => {
              const here = Math.min(n, there[cell] ?? 0);
              left[cell] = n - here;
              return here;
            });
          const share = { contributors: split(wanted.contributors, part.nonZero), missing: split(wanted.missing, part.missingCount) };
          if ([...share.contributors, ...share.missing].some((n) => n > 0)) below.set(part.formatVersion, share);
        }
        if (below.size) next.push({ orgId: child.orgId, first: input, needs: below });
        input += child.below.reduce((n, part) => n + part.inputs, 0);
      }
    }
    level = next;
  }
  // Deeper levels are read after later siblings: put each list back in input order.
  for (const list of lists.values()) for (const cells of [list.missing, list.contributors]) for (const l of cells) l.sort((a, b) => a - b);
  return { lists: lists as Map<string, SummedLists>, orgIds };
}
