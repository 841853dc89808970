import type { AgencyKind } from "@nianbao/core";
import { and, asc, eq, like, type SQL, sql } from "drizzle-orm";
import { type Database, isUniqueViolation, type Tx } from "../client";
import type { AuditContext, ReportStatus } from "../domain";
import { DomainError } from "../errors";
import { recordAudit } from "./audit";
import { newId } from "./ids";
import { inSubtree, orgInSubtree, subtreePattern } from "./scope";
import { prepared } from "./prepared";
import { pathRange } from "./rollup-reads";
import { moveRollups } from "./rollups";

export interface Organisation {
  id: string;
  parentId: string | null;
  name: string;
  kind: AgencyKind;
  rulemaking: boolean;
  path: string;
  createdAt: number;
  updatedAt: number;
}

type Row = Omit<Organisation, "kind"> & { kind: string };
const toOrganisation = (row: Row): Organisation => ({ ...row, kind: row.kind as AgencyKind });

export { inSubtree } from "./scope";

const organisationById = (tx: Tx) =>
  prepared(tx.q, tx.t, "organisation_by_id", (q, t, name) =>
    q
      .select()
      .from(t.organisations)
      .where(eq(t.organisations.id, sql.placeholder("id")))
      .limit(1)
      .prepare(...name),
  );

/** Read on nearly every request (a subtree's procedures load their organisation): a kept prepared statement. */
export async function findOrganisation(tx: Tx, id: string): Promise<Organisation | null> {
  const [row] = await organisationById(tx).execute({ id });
  return row ? toOrganisation(row) : null;
}

export async function getOrganisation(db: Database, id: string): Promise<Organisation> {
  const org = await db.read((tx) => findOrganisation(tx, id));
  if (!org) throw new DomainError("NOT_FOUND", "org.notFound", { id });
  return org;
}

/** The organisation and everything below it, parents before children. */
export async function listSubtree(db: Database, scopePath: string): Promise<Organisation[]> {
  const rows = await db.read(({ q, t }) =>
    q.select().from(t.organisations).where(orgInSubtree(t, scopePath)).orderBy(asc(t.organisations.createdAt), asc(t.organisations.name)),
  );
  return rows.map(toOrganisation).sort((a, b) => depth(a) - depth(b));
}

/** An organisation of a subtree with its report of a year, as a progress board shows it. */
export interface ProgressRow {
  orgId: string;
  orgName: string;
  orgKind: AgencyKind;
  parentId: string | null;
  report: {
    id: string;
    status: ReportStatus;
    currentRevision: number;
    summary: { error: number; warning: number; info: number };
    /** The first publication's date (timeliness counts the first one). */
    firstPublishedOn: string | null;
  } | null;
}

/**
 * Every organisation of a subtree, in `listSubtree`'s order, with its report of the year (status,
 * current revision's finding counts, first publication date) — one query joining what a progress
 * board shows and nothing else.
 */
export async function listProgress(db: Database, scopePath: string, year: number): Promise<ProgressRow[]> {
  const rows = await db.read((tx) =>
    db.dialect === "postgres" ? progressRowsPostgres(db, tx, scopePath, year) : progressRows(tx, scopePath, year),
  );
  // listSubtree's order: by depth, then as read (the sort is stable); each depth worked out once.
  return rows
    .map((row) => ({ row, depth: depth(row) }))
    .sort((a, b) => a.depth - b.depth)
    .map(({ row: { reportId, status, currentRevision, error, warning, info, firstPublishedOn, path: _path, ...org } }) => ({
      ...org,
      orgKind: org.orgKind as AgencyKind,
      report:
        reportId === null || status === null || currentRevision === null
          ? null
          : {
              id: reportId,
              status: status as ReportStatus,
              currentRevision,
              summary: { error: error ?? 0, warning: warning ?? 0, info: info ?? 0 },
              firstPublishedOn,
            },
    }));
}

/** What the progress query gives for each organisation, before its report is put together. */
interface ProgressQueryRow {
  orgId: string;
  orgName: string;
  orgKind: string;
  parentId: string | null;
  path: string;
  reportId: string | null;
  status: string | null;
  currentRevision: number | null;
  error: number | null;
  warning: number | null;
  info: number | null;
  firstPublishedOn: string | null;
}

/** Each organisation of the subtree, its report of the year, that report's current revision and first publication. */
function progressRows({ q, t }: Tx, scopePath: string, year: number): Promise<ProgressQueryRow[]> {
  const statement = prepared(q, t, "progress_rows", (q, t, name) =>
    q
      .select({
        orgId: t.organisations.id,
        orgName: t.organisations.name,
        orgKind: t.organisations.kind,
        parentId: t.organisations.parentId,
        path: t.organisations.path,
        reportId: t.reports.id,
        status: t.reports.status,
        currentRevision: t.reports.currentRevision,
        error: t.reportRevisions.errorCount,
        warning: t.reportRevisions.warningCount,
        info: t.reportRevisions.infoCount,
        firstPublishedOn: sql<
          string | null
        >`(select min(${t.publications.publishedOn}) from ${t.publications} where ${t.publications.reportId} = ${t.reports.id})`,
      })
      .from(t.organisations)
      .leftJoin(t.reports, and(eq(t.reports.orgId, t.organisations.id), eq(t.reports.year, sql.placeholder("year"))))
      .leftJoin(
        t.reportRevisions,
        and(eq(t.reportRevisions.reportId, t.reports.id), eq(t.reportRevisions.revisionNo, t.reports.currentRevision)),
      )
      .where(like(t.organisations.path, sql.placeholder("scope")))
      .orderBy(asc(t.organisations.createdAt), asc(t.organisations.name))
      .prepare(...name),
  );
  return statement.execute({ year, scope: subtreePattern(scopePath) });
}

/**
 * The same rows on PostgreSQL, each organisation's report looked up by the (organisation, year) index.
 * Joined plainly, PostgreSQL hashes every report of the year in the country (150,000 rows) to find a
 * province's 5,000; looked up one by one (a LATERAL join, which SQLite does not have and does not need:
 * its plain join is already these lookups) the province's board takes well under half the time.
 */
async function progressRowsPostgres(db: Database, { q, t }: Tx, scopePath: string, year: number): Promise<ProgressQueryRow[]> {
  const { organisations: o, reports: r, reportRevisions: rev, publications: pub } = t;
  const range = pathRange(db, t, { path: scopePath }, undefined, true);
  const query = sql`select ${o.id} as "orgId", ${o.name} as "orgName", ${o.kind} as "orgKind", ${o.parentId} as "parentId",
      ${o.path} as "path", y."reportId", y."status", y."currentRevision", y."error", y."warning", y."info", y."firstPublishedOn"
    from ${o} left join lateral (
      select ${r.id} as "reportId", ${r.status} as "status", ${r.currentRevision} as "currentRevision",
        ${rev.errorCount} as "error", ${rev.warningCount} as "warning", ${rev.infoCount} as "info",
        (select min(${pub.publishedOn}) from ${pub} where ${pub.reportId} = ${r.id}) as "firstPublishedOn"
      from ${r} left join ${rev} on ${rev.reportId} = ${r.id} and ${rev.revisionNo} = ${r.currentRevision}
      where ${r.orgId} = ${o.id} and ${r.year} = ${year}
      limit 1
    ) y on true
    where ${range.where}
    order by ${o.createdAt}, ${o.name}`;
  const result = await (q as unknown as { execute(query: SQL): Promise<{ rows: ProgressQueryRow[] }> }).execute(query);
  return result.rows;
}

export function depth(org: Pick<Organisation, "path">): number {
  return org.path.split("/").length - 3;
}

export interface NewOrganisation {
  parentId: string | null;
  name: string;
  kind: AgencyKind;
  rulemaking?: boolean;
}

export async function createOrganisation(db: Database, input: NewOrganisation, audit: AuditContext): Promise<Organisation> {
  try {
    return await db.write(async (tx) => {
      const parent = input.parentId ? await findOrganisation(tx, input.parentId) : null;
      if (input.parentId && !parent) throw new DomainError("NOT_FOUND", "org.notFound", { id: input.parentId });
      const id = newId();
      const now = Date.now();
      const org: Organisation = {
        id,
        parentId: parent?.id ?? null,
        name: input.name,
        kind: input.kind,
        rulemaking: input.rulemaking ?? false,
        path: `${parent?.path ?? "/"}${id}/`,
        createdAt: now,
        updatedAt: now,
      };
      await tx.q.insert(tx.t.organisations).values(org);
      await recordAudit(tx, audit, {
        action: "org.create",
        targetType: "organisation",
        targetId: id,
        orgId: id,
        detail: { name: org.name, kind: org.kind, parentId: org.parentId },
      });
      return org;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", "org.nameTaken", { name: input.name });
    throw error;
  }
}

export interface OrganisationChanges {
  name?: string;
  kind?: AgencyKind;
  rulemaking?: boolean;
  /** Move under another organisation; descendants move along. */
  parentId?: string;
}

export async function updateOrganisation(
  db: Database,
  id: string,
  changes: OrganisationChanges,
  audit: AuditContext,
  /** The new parent must lie in this subtree (the caller's scope). */
  scopePath: string,
): Promise<Organisation> {
  try {
    return await db.write(async (tx) => {
      const { q, t } = tx;
      const org = await findOrganisation(tx, id);
      if (!org) throw new DomainError("NOT_FOUND", "org.notFound", { id });
      let path = org.path;
      let parentId = org.parentId;
      if (changes.parentId !== undefined && changes.parentId !== org.parentId) {
        const parent = await findOrganisation(tx, changes.parentId);
        if (!parent) throw new DomainError("NOT_FOUND", "org.notFound", { id: changes.parentId });
        if (!inSubtree(parent.path, scopePath)) throw new DomainError("FORBIDDEN", "org.rootMove");
        if (inSubtree(parent.path, org.path)) throw new DomainError("INVALID", "org.cycle", {}, { field: "parentId" });
        parentId = parent.id;
        path = `${parent.path}${org.id}/`;
        // Rewrite the prefix of every descendant's path in one statement (substr/|| mean the same in both dialects).
        await q
          .update(t.organisations)
          .set({ path: sql`cast(${path} as text) || substr(${t.organisations.path}, ${org.path.length + 1})` })
          .where(orgInSubtree(t, org.path));
        await moveRollups(tx, org.path, path);
      }
      const updated: Organisation = {
        ...org,
        name: changes.name ?? org.name,
        kind: changes.kind ?? org.kind,
        rulemaking: changes.rulemaking ?? org.rulemaking,
        parentId,
        path,
        updatedAt: Date.now(),
      };
      await q
        .update(t.organisations)
        .set({ name: updated.name, kind: updated.kind, rulemaking: updated.rulemaking, parentId, updatedAt: updated.updatedAt })
        .where(eq(t.organisations.id, id));
      await recordAudit(tx, audit, { action: "org.update", targetType: "organisation", targetId: id, orgId: id, detail: { ...changes } });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", "org.nameTaken", { name: changes.name ?? "" });
    throw error;
  }
}
