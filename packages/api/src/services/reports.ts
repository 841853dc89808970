/**
 * Report operations: drafts pre-filled from last year, saving with the revision edited, validation,
 * the workflow steps, import and export. Access has been checked by the procedure; these functions
 * apply the rules of the workflow and call the query functions.
 */
import { createEmptyReport, draftNextYear, errorsOf, type Finding, type Lang, type ReportDocument } from "@nianbao/core";
import {
  type AuditContext,
  createReport,
  type Database,
  findReportByOrgYear,
  getRevision,
  isCheckedDocument,
  isReportDetail,
  listExplanations,
  markCheckedDocument,
  type Organisation,
  type Report,
  type Revision,
  type RevisionInput,
  type RevisionSource,
  saveRevision,
  transitionReport,
  type WorkflowAction,
} from "@nianbao/db";
import { AppError } from "../errors";
import type { Actor } from "../context";
import { chinaToday, findingKey, summarise, validateForFiling } from "../findings";
import { type ImportReading, previousYearDocumentOf, previousYearRef, rememberFindings, storedRevisionFindings } from "../findings-cache";
import { stepFor } from "../workflow";
import { importDocument } from "./documents";
import type { ImportLimits } from "./import-runner";

export interface Caller {
  actor: Actor;
  audit: AuditContext;
  now: number;
  lang: Lang;
  /** Limits of a file import (default: DEFAULT_IMPORT_LIMITS). */
  importLimits?: ImportLimits;
}

function agencyOf(org: Pick<Organisation, "name" | "kind" | "rulemaking">, base?: ReportDocument["agency"]): ReportDocument["agency"] {
  return { ...base, name: org.name, kind: org.kind, ...(org.rulemaking ? { rulemaking: true } : {}) };
}

/** Last year's report of the organisation as the public knows it (published), else its latest revision. */
async function previousYearDocument(db: Database, orgId: string, year: number): Promise<ReportDocument | null> {
  const previous = await findReportByOrgYear(db, orgId, year - 1);
  return previousYearDocumentOf(
    db,
    previous && { reportId: previous.id, revisionNo: previous.publishedRevision ?? previous.currentRevision },
  );
}

async function validateRevision(db: Database, report: Report, document: unknown, now: number, lang: Lang): Promise<Finding[]> {
  const previous = await previousYearDocumentOf(db, await previousYearRef(db, report));
  return validateForFiling(document, previous, now, lang);
}

/** Findings of any document (stored or being edited) of this report, as filing sees them. */
export function validateForRevision(db: Database, report: Report, document: unknown, caller: Caller): Promise<Finding[]> {
  return validateRevision(db, report, document, caller.now, caller.lang);
}

/** Findings of a stored revision of this report (kept: see findings-cache.ts). */
export function findingsOfRevision(
  db: Database,
  report: Report,
  revisionNo: number,
  caller: Pick<Caller, "now" | "lang">,
  reading: ImportReading = "judged",
): Promise<readonly Finding[]> {
  return storedRevisionFindings(db, report, revisionNo, caller.now, caller.lang, reading);
}

/** A new draft: 上年结转 and the other carried cells from last year's report when there is one (core's draftNextYear). */
export async function createDraft(db: Database, org: Organisation, year: number, caller: Caller) {
  const existing = await findReportByOrgYear(db, org.id, year);
  if (existing) throw new AppError("CONFLICT", "report.exists", { org: org.name, year });
  const previous = await previousYearDocument(db, org.id, year);
  const document: ReportDocument = previous
    ? { ...draftNextYear(previous), agency: agencyOf(org, previous.agency) }
    : createEmptyReport({ year, agency: agencyOf(org) });
  return saveNew(db, org, document, "create", null, caller, previous);
}

async function saveNew(
  db: Database,
  org: Organisation,
  document: ReportDocument,
  source: RevisionSource,
  note: string | null,
  caller: Caller,
  previous: ReportDocument | null,
  importFindings: readonly Finding[] = [],
) {
  const findings = validateForFiling(document, previous, caller.now, caller.lang, importFindings);
  const report = await createReport(
    db,
    {
      orgId: org.id,
      document,
      summary: summarise(findings),
      authorId: caller.actor.userId,
      tokenId: caller.actor.tokenId,
      source,
      note,
      importFindings,
    },
    caller.audit,
  );
  return { report, revision: 1, findings };
}

function checkIdentity(report: Report, document: ReportDocument): void {
  if (document.year !== report.year) {
    throw new AppError("BAD_REQUEST", "report.yearMismatch", { expected: report.year, actual: document.year }, { field: "document.year" });
  }
  if (document.formatVersion !== report.formatVersion) {
    throw new AppError(
      "BAD_REQUEST",
      "report.formatMismatch",
      { expected: report.formatVersion, actual: document.formatVersion },
      { field: "document.formatVersion" },
    );
  }
}

export interface SaveInput {
  baseRevision: number;
  document: ReportDocument;
  note?: string | null;
  source?: RevisionSource;
  /** Of a revision read from a file: the import's findings, kept with the revision (see findings-cache.ts). */
  importFindings?: readonly Finding[];
}

/**
 * Save a new revision of a draft; CONFLICT when `baseRevision` is not the current one. `checked`: the
 * document is the output of the document schema's parse (a procedure's input) and is not stored
 * through another check.
 */
export async function saveDraft(db: Database, report: Report, input: SaveInput & { checked?: boolean }, caller: Caller) {
  checkIdentity(report, input.document);
  const previous = await previousYearRef(db, report);
  const importFindings = input.importFindings ?? [];
  const findings = validateForFiling(input.document, await previousYearDocumentOf(db, previous), caller.now, caller.lang, importFindings);
  if (input.checked) markCheckedDocument(input.document);
  const saved = await saveRevision(
    db,
    {
      reportId: report.id,
      baseRevision: input.baseRevision,
      document: input.document,
      summary: summarise(findings),
      authorId: caller.actor.userId,
      tokenId: caller.actor.tokenId,
      source: input.source ?? "edit",
      note: input.note ?? null,
      importFindings,
    },
    caller.audit,
  );
  // The new revision's findings are known now: reading it back (the editor does at once) costs nothing.
  // Only for a checked document: it is stored as it is, so its findings are the stored revision's.
  if (isCheckedDocument(input.document)) {
    rememberFindings(db, { reportId: report.id, revisionNo: saved.revisionNo }, previous, caller.now, caller.lang, findings);
  }
  return { report: saved.report, revision: saved.revisionNo, findings };
}

/** Warnings of a revision that have no explanation attached. */
async function unexplainedWarnings(db: Database, reportId: string, findings: readonly Finding[]): Promise<Finding[]> {
  const explained = new Set((await listExplanations(db, reportId)).map((e) => e.findingKey));
  return findings.filter((f) => f.severity === "warning" && !explained.has(findingKey(f)));
}

export interface StepInput {
  revision: number;
  comment?: string | null;
  /** publish: the date printed on the report (default today in China). */
  publishedOn?: string;
}

/**
 * One workflow step. Submission is refused while error-level findings remain or a warning lacks an
 * explanation; returning needs a comment; starting a correction needs the 更正说明.
 */
export async function takeStep(db: Database, report: Report, action: WorkflowAction, input: StepInput, caller: Caller): Promise<Report> {
  const step = stepFor(action, report.status);
  if (!step) throw new AppError("PRECONDITION_FAILED", "workflow.notAllowed", { status: report.status, action });
  if (!step.roles.includes(caller.actor.role)) throw new AppError("FORBIDDEN", "access.role", { role: caller.actor.role });
  if (input.revision !== report.currentRevision) {
    throw new AppError("CONFLICT", "workflow.moved", { status: report.status, revision: report.currentRevision });
  }
  const comment = input.comment?.trim() || null;
  if (action === "return" && !comment) throw new AppError("BAD_REQUEST", "workflow.commentRequired", {}, { field: "comment" });
  if (action === "correct" && !comment) throw new AppError("BAD_REQUEST", "workflow.changeNoteRequired", {}, { field: "comment" });

  let publication: { publishedOn: string; stamped: RevisionInput | null } | undefined;
  if (action === "submit") {
    // Sent on, a cell the import could not read is as empty as any other: it must be filled in first.
    const findings = await findingsOfRevision(db, report, input.revision, caller, "strict");
    const errors = errorsOf(findings);
    if (errors.length) throw new AppError("PRECONDITION_FAILED", "workflow.errors", { count: errors.length }, { findings: errors });
    const unexplained = await unexplainedWarnings(db, report.id, findings);
    if (unexplained.length) {
      throw new AppError("PRECONDITION_FAILED", "workflow.unexplained", { count: unexplained.length }, { findings: unexplained });
    }
  }
  if (action === "publish") {
    const revision = await getRevision(db, report.id, input.revision);
    const publishedOn = input.publishedOn ?? revision.document.publishedAt ?? chinaToday(caller.now);
    // The published revision carries its publication date; stamping it is a revision of its own.
    const stamped =
      revision.document.publishedAt === publishedOn
        ? null
        : {
            document: { ...revision.document, publishedAt: publishedOn },
            summary: revision.summary,
            authorId: caller.actor.userId,
            tokenId: caller.actor.tokenId,
            source: "publish" as const,
            note: null,
          };
    publication = { publishedOn, stamped };
  }
  return transitionReport(
    db,
    {
      reportId: report.id,
      action,
      from: step.from,
      to: step.to,
      revision: input.revision,
      actorId: caller.actor.userId,
      comment,
      ...(action === "correct" && comment ? { changeNote: comment } : {}),
      ...(publication ? { publication } : {}),
    },
    caller.audit,
  );
}

export interface ImportInput {
  data: Uint8Array;
  filename?: string;
  /** When the organisation already has a draft for the file's year: the revision the import replaces. */
  baseRevision?: number;
}

/** A file → a draft (new report, or a new revision of the existing draft) and its findings. */
export async function importFile(db: Database, org: Organisation, input: ImportInput, caller: Caller) {
  const imported = await importDocument(
    input.data,
    { ...(input.filename ? { filename: input.filename } : {}), lang: caller.lang },
    caller.importLimits,
  );
  const document: ReportDocument = { ...imported.report, agency: agencyOf(org, imported.report.agency) };
  const existing = await findReportByOrgYear(db, org.id, document.year);
  const note = input.filename ? `导入 ${input.filename}` : "导入";
  // Only what validation reads: the import's warnings that name cells or sections it could not read.
  const importFindings = imported.findings.filter((f) => f.ruleId.startsWith("IMPORT-") && f.severity !== "info");
  if (!existing) {
    const previous = await previousYearDocument(db, org.id, document.year);
    const created = await saveNew(db, org, document, "import", note, caller, previous, importFindings);
    return { ...created, importFindings: imported.findings, kind: imported.kind };
  }
  if (existing.status !== "draft") throw new AppError("CONFLICT", "import.orgOnly", { year: document.year });
  if (input.baseRevision === undefined) {
    throw new AppError("CONFLICT", "import.baseRequired", { year: document.year }, { field: "baseRevision" });
  }
  const saved = await saveDraft(
    db,
    existing,
    { baseRevision: input.baseRevision, document, note, source: "import", importFindings },
    caller,
  );
  return { ...saved, importFindings: imported.findings, kind: imported.kind };
}

/** A revision of the report (default its current one); the report as getReport read it saves a query. */
export async function revisionOf(db: Database, report: Report, revision?: number): Promise<Revision> {
  return getRevision(db, report.id, revision ?? report.currentRevision, isReportDetail(report) ? report : undefined);
}
