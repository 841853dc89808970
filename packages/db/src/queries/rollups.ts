/**
 * Roll-ups kept current: each report's counting revision with its figures (`rollup_inputs`) and, per
 * organisation and year, the sums of every counting report strictly below it (`rollup_sums`). Both
 * change in the transaction that changes which revision of a report counts, so a roll-up read never
 * sees one without the other. Reading a government's roll-up is then one row per format, however many
 * reports lie below it.
 */
import {
  addFigures,
  emptySum,
  type FormatVersion,
  missingCells,
  nonZeroCells,
  type ReportDocument,
  type ReportFigures,
  reportFigures,
  type SummedReports,
} from "@nianbao/core";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Tx } from "../client";
import { parseStoredDocument } from "../documents";
import type { ReportStatus } from "../domain";
import { prepared } from "./prepared";

/** Reports count in a roll-up once the 分管领导 has approved them; a report under correction counts as published. */
const APPROVED: ReadonlySet<ReportStatus> = new Set(["reviewed", "signed", "published"]);

/** The revision of a report that counts in roll-ups, or null when none does. */
export function countedRevision(report: {
  status: ReportStatus;
  currentRevision: number;
  publishedRevision: number | null;
}): number | null {
  return APPROVED.has(report.status) ? report.currentRevision : report.publishedRevision;
}

/** Organisation ids on a materialised path ("/a/b/c/" → a, b, c), root first. */
export function pathIds(path: string): string[] {
  return path.split("/").filter(Boolean);
}

/** Stored sums, plus per cell how many of the reports gave it a non-zero value (how many contributors it has). */
export type StoredRollup = SummedReports & { nonZero: number[] };

type StoredSums = Pick<StoredRollup, "sums" | "reported" | "missingCount" | "money" | "nonZero">;

export function emptyRollup(year: number, formatVersion: FormatVersion): StoredRollup {
  const sum = emptySum(year, formatVersion);
  return { ...sum, nonZero: sum.sums.map(() => 0) };
}

/** Adds (1) or takes away (−1) one report's figures. */
export function addToRollup(rollup: StoredRollup, figures: ReportFigures, sign: 1 | -1): void {
  addFigures(rollup, figures, sign);
  for (const i of nonZeroCells(figures)) rollup.nonZero[i]! += sign;
}

export function parseSums(row: { year: number; formatVersion: string; inputs: number; sums: string }): StoredRollup {
  const stored = JSON.parse(row.sums) as StoredSums;
  return { year: row.year, formatVersion: row.formatVersion as FormatVersion, inputs: row.inputs, ...stored };
}

export function serializeSums(sum: StoredRollup): string {
  const stored: StoredSums = {
    sums: sum.sums,
    reported: sum.reported,
    missingCount: sum.missingCount,
    money: sum.money,
    nonZero: sum.nonZero,
  };
  return JSON.stringify(stored);
}

/** The `rollup_inputs` row of a report counting with these figures. */
export function rollupInputRow(reportId: string, orgId: string, revisionNo: number, figures: ReportFigures) {
  return {
    reportId,
    orgId,
    year: figures.year,
    formatVersion: figures.formatVersion,
    revisionNo,
    figures: JSON.stringify(figures.values),
    nonZero: nonZeroCells(figures).join(","),
    missing: missingCells(figures).join(","),
  };
}

/**
 * Called by every write that can change which revision of a report counts (creating a report, each
 * workflow step), inside its transaction. Moves the report's figures in the sums of its ancestors and
 * marks the organisation and its ancestors as changed for the year.
 */
export async function syncRollupInput(tx: Tx, reportId: string): Promise<void> {
  const { q, t } = tx;
  const [report] = await q
    .select({
      orgId: t.reports.orgId,
      year: t.reports.year,
      formatVersion: t.reports.formatVersion,
      status: t.reports.status,
      currentRevision: t.reports.currentRevision,
      publishedRevision: t.reports.publishedRevision,
      path: t.organisations.path,
    })
    .from(t.reports)
    .innerJoin(t.organisations, eq(t.organisations.id, t.reports.orgId))
    .where(eq(t.reports.id, reportId));
  if (!report) return;
  const counted = countedRevision({ ...report, status: report.status as ReportStatus });
  const [stored] = await q.select().from(t.rollupInputs).where(eq(t.rollupInputs.reportId, reportId));
  const ids = pathIds(report.path);
  const ancestors = ids.slice(0, -1);
  // Root first in every transaction: two writers lock the shared rows in the same order, so they queue instead of deadlocking.
  await touchSums(tx, ids, report.year, report.formatVersion as FormatVersion);
  if ((stored?.revisionNo ?? null) === counted) return;
  const before: ReportFigures | null = stored
    ? {
        year: stored.year,
        formatVersion: stored.formatVersion as FormatVersion,
        values: JSON.parse(stored.figures) as ReportFigures["values"],
      }
    : null;
  const after = counted === null ? null : reportFigures(await revisionDocument(tx, reportId, counted));
  for (const orgId of ancestors) {
    if (before) await changeSums(tx, orgId, before, -1);
    if (after) await changeSums(tx, orgId, after, 1);
  }
  await q.delete(t.rollupInputs).where(eq(t.rollupInputs.reportId, reportId));
  if (after && counted !== null) await q.insert(t.rollupInputs).values(rollupInputRow(reportId, report.orgId, counted, after));
}

async function revisionDocument({ q, t }: Tx, reportId: string, revisionNo: number): Promise<ReportDocument> {
  const [row] = await q
    .select({ document: t.reportRevisions.document })
    .from(t.reportRevisions)
    .where(and(eq(t.reportRevisions.reportId, reportId), eq(t.reportRevisions.revisionNo, revisionNo)));
  if (!row) throw new Error(`revision ${revisionNo} of report ${reportId} not found`);
  return parseStoredDocument(row.document);
}

/** Creates missing sums rows and raises `seq` on each; the update also takes each row's lock. */
async function touchSums({ q, t }: Tx, orgIds: string[], year: number, formatVersion: FormatVersion): Promise<void> {
  const empty = serializeSums(emptyRollup(year, formatVersion));
  for (const orgId of orgIds) {
    await q
      .insert(t.rollupSums)
      .values({ orgId, year, formatVersion, inputs: 0, sums: empty, seq: 1 })
      .onConflictDoUpdate({
        target: [t.rollupSums.orgId, t.rollupSums.year, t.rollupSums.formatVersion],
        set: { seq: sql`${t.rollupSums.seq} + 1` },
      });
  }
}

async function changeSums(tx: Tx, orgId: string, figures: ReportFigures, sign: 1 | -1): Promise<void> {
  const { q, t } = tx;
  await touchSums(tx, [orgId], figures.year, figures.formatVersion);
  const where = and(
    eq(t.rollupSums.orgId, orgId),
    eq(t.rollupSums.year, figures.year),
    eq(t.rollupSums.formatVersion, figures.formatVersion),
  );
  const [row] = await q.select().from(t.rollupSums).where(where);
  const sum = parseSums(row!);
  addToRollup(sum, figures, sign);
  await q
    .update(t.rollupSums)
    .set({ inputs: sum.inputs, sums: serializeSums(sum) })
    .where(where);
}

/** The stored sums below an organisation for a year (one per format), and a stamp that changes with them. */
export async function readRollupSums({ q, t }: Tx, orgId: string, year: number): Promise<{ sums: StoredRollup[]; stamp: string }> {
  // Read with every roll-up request, inside and outside write transactions: a kept prepared statement.
  const rows = await prepared(q, t, "rollup_sums_of_org", (q, t, name) =>
    q
      .select()
      .from(t.rollupSums)
      .where(and(eq(t.rollupSums.orgId, sql.placeholder("orgId")), eq(t.rollupSums.year, sql.placeholder("year"))))
      .orderBy(t.rollupSums.formatVersion)
      .prepare(...name),
  ).execute({ orgId, year });
  return { sums: rows.filter((r) => r.inputs > 0).map(parseSums), stamp: rows.map((r) => `${r.formatVersion}:${r.seq}`).join(",") };
}

/** Sums rows for many organisations at once (the nation generator and rebuilds write them in bulk). */
export async function replaceRollupSums({ q, t }: Tx, rows: { orgId: string; sum: StoredRollup }[]): Promise<void> {
  for (const { orgId, sum } of rows) {
    await q
      .delete(t.rollupSums)
      .where(and(eq(t.rollupSums.orgId, orgId), eq(t.rollupSums.year, sum.year), eq(t.rollupSums.formatVersion, sum.formatVersion)));
  }
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    if (!chunk.length) continue;
    await q.insert(t.rollupSums).values(
      chunk.map(({ orgId, sum }) => ({
        orgId,
        year: sum.year,
        formatVersion: sum.formatVersion,
        inputs: sum.inputs,
        sums: serializeSums(sum),
        seq: 1,
      })),
    );
  }
}

/**
 * After an organisation moved from `oldPath` to `newPath` (its subtree with it, paths already
 * rewritten): the figures of every counting report in the subtree, the organisation's own included,
 * leave the sums of the old ancestors and enter those of the new ones, in the move's transaction.
 */
export async function moveRollups(tx: Tx, oldPath: string, newPath: string): Promise<void> {
  const { q, t } = tx;
  const rows = await q
    .select({ year: t.rollupInputs.year, formatVersion: t.rollupInputs.formatVersion, figures: t.rollupInputs.figures })
    .from(t.rollupInputs)
    .innerJoin(t.organisations, eq(t.organisations.id, t.rollupInputs.orgId))
    .where(sql`${t.organisations.path} like ${`${newPath}%`}`);
  const moved = new Map<string, ReportFigures[]>();
  for (const row of rows) {
    const key = `${row.year}|${row.formatVersion}`;
    const figures: ReportFigures = {
      year: row.year,
      formatVersion: row.formatVersion as FormatVersion,
      values: JSON.parse(row.figures) as ReportFigures["values"],
    };
    moved.set(key, [...(moved.get(key) ?? []), figures]);
  }
  const [from, to] = [pathIds(oldPath).slice(0, -1), pathIds(newPath).slice(0, -1)];
  for (const group of moved.values()) {
    const { year, formatVersion } = group[0]!;
    // Root first, as in syncRollupInput; an ancestor on both sides loses and regains the same figures.
    for (const [ancestors, sign] of [
      [from, -1],
      [to, 1],
    ] as const) {
      for (const orgId of ancestors) {
        await touchSums(tx, [orgId], year, formatVersion);
        const where = and(eq(t.rollupSums.orgId, orgId), eq(t.rollupSums.year, year), eq(t.rollupSums.formatVersion, formatVersion));
        const [row] = await q.select().from(t.rollupSums).where(where);
        const sum = parseSums(row!);
        for (const figures of group) addToRollup(sum, figures, sign);
        await q
          .update(t.rollupSums)
          .set({ inputs: sum.inputs, sums: serializeSums(sum) })
          .where(where);
      }
    }
  }
}

/**
 * A database whose reports predate the roll-up tables (or was restored without them) gets them
 * filled once, report by report through the same path a workflow step takes. Returns how many
 * reports were entered; 0 when the tables already hold something or nothing counts.
 */
export async function fillRollupsIfEmpty(db: Database): Promise<number> {
  return db.write(async (tx) => {
    const { q, t } = tx;
    if ((await q.select({ id: t.rollupInputs.reportId }).from(t.rollupInputs).limit(1)).length) return 0;
    const reports = await q
      .select({
        id: t.reports.id,
        status: t.reports.status,
        currentRevision: t.reports.currentRevision,
        publishedRevision: t.reports.publishedRevision,
      })
      .from(t.reports);
    let entered = 0;
    for (const report of reports) {
      if (countedRevision({ ...report, status: report.status as ReportStatus }) === null) continue;
      await syncRollupInput(tx, report.id);
      entered++;
    }
    return entered;
  });
}
