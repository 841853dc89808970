/**
 * validateReport: every rule of the catalogue that one document (plus, optionally, the same agency's
 * previous-year document) can decide. Takes arbitrary JSON and never throws: a malformed document
 * yields SCHEMA findings naming the path, and the rules still run on whatever cells are readable.
 */
import type { z } from "zod";
import { FORMAT_VERSIONS, type FormatVersion, formatVersionForYear, getFormat } from "./formats/index";
import { type Lang, t } from "./i18n/index";
import { type Finding, SEVERITY_ORDER } from "./schema/findings";
import { documentHeadSchemaFor } from "./schema/document";
import { linearInstancesByRule, rulesFor } from "./rules/applicable";
import type { RuleDefinition } from "./rules/catalog";
import { checkCells, type ValidationMode } from "./rules/cells";
import { type CheckContext, type Deadlines, runCheck, STATUTORY_DEADLINES } from "./rules/checks";
import { evaluateLinear, linearFinding } from "./rules/linear";
import { declaredVersion, type DocumentView, viewDocument } from "./rules/reading";
import { schemaFindings, unknownTableKeys } from "./schema-findings";
import { sameAgencyName } from "./text";

export interface ValidateOptions {
  /** The same agency's report for the year before, for T3-CARRY, T2-INFORCE-ROLL, R-SIMILAR … */
  previous?: unknown;
  lang?: Lang;
  /**
   * `filing` (default): a report being written; empty cells are errors. `import`: a historical
   * report read from a published source; empty cells are warnings.
   */
  mode?: ValidationMode;
  /** Local deadlines earlier than the statutory ones (MM-DD of the following year). */
  deadlines?: Partial<Deadlines>;
  /** Today's ISO date: reports still unpublished after their deadline are flagged. */
  today?: string;
  /**
   * The IMPORT-* findings of the import the document came from. A cell one of them names and the
   * document leaves empty was not read, not left blank: its presence check is "unchecked" (info)
   * pointing at that finding instead of an accusation.
   */
  importFindings?: readonly Finding[];
  /** R-SIMILAR threshold (default 0.9). */
  similarityThreshold?: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((finding, i) => ({ finding, i }))
    .sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.i - b.i)
    .map(({ finding }) => finding);
}

/** The version to read a raw document as: the declared one, else the one its year requires. */
function versionToRead(input: Record<string, unknown>): FormatVersion | null {
  const declared = declaredVersion(input);
  if (declared) return declared;
  return typeof input.year === "number" && Number.isInteger(input.year) ? formatVersionForYear(input.year) : null;
}

/** The newest registered format: what a document that names no version and no year is read as. */
const NEWEST = (): FormatVersion => FORMAT_VERSIONS[FORMAT_VERSIONS.length - 1]!;

function schemaFor(version: FormatVersion): z.ZodType {
  return documentHeadSchemaFor(version);
}

/** "“2019” 或 “2021”": the registered versions, for the message about a missing or unknown one. */
function versionList(lang: Lang): string {
  const quoted = FORMAT_VERSIONS.map((v) => `“${v}”`);
  const or = lang === "zh" ? " 或 " : " or ";
  return quoted.length < 2 ? quoted.join("") : `${quoted.slice(0, -1).join(lang === "zh" ? "、" : ", ")}${or}${quoted[quoted.length - 1]}`;
}

interface PreviousOutcome {
  view?: DocumentView;
  notes: Finding[];
}

function readPrevious(previous: unknown, doc: DocumentView, lang: Lang): PreviousOutcome {
  if (previous === undefined) return { notes: [] };
  const version = isObject(previous) ? versionToRead(previous) : null;
  if (!isObject(previous) || !version) {
    return { notes: [{ ruleId: "T3-CARRY", severity: "info", outcome: "unchecked", cells: [], message: t(lang, "previous.invalid") }] };
  }
  const view = viewDocument(previous, version);
  if (doc.year !== null && view.year !== doc.year - 1) {
    return {
      notes: [
        {
          ruleId: "T3-CARRY",
          severity: "info",
          outcome: "unchecked",
          cells: [],
          message: t(lang, "previous.wrongYear", { actual: view.year ?? "?", expected: doc.year - 1 }),
        },
      ],
    };
  }
  const notes: Finding[] = [];
  if (view.agencyName && doc.agencyName && !sameAgencyName(view.agencyName, doc.agencyName)) {
    notes.push({
      ruleId: "T3-CARRY",
      severity: "info",
      cells: [],
      message: t(lang, "previous.otherAgency", { actual: view.agencyName, expected: doc.agencyName }),
    });
  }
  return { view, notes };
}

function runRule(rule: RuleDefinition, ctx: CheckContext, mode: ValidationMode, notRead: ReadonlyMap<string, string>): Finding[] {
  const { doc, previous, lang } = ctx;
  if (rule.crossYear && !previous) return [];
  switch (rule.kind) {
    case "cells":
      return checkCells(rule, doc.cells, mode, lang, notRead);
    case "check":
      return runCheck(rule, ctx);
    case "linear": {
      const out: Finding[] = [];
      let notApplicable = false;
      for (const instance of linearInstancesByRule(doc.formatVersion).get(rule) ?? []) {
        const outcome = evaluateLinear(instance, doc.cells, previous?.cells);
        if (outcome.kind === "notApplicable") notApplicable = true;
        const finding = linearFinding(instance, outcome, doc.cells, previous?.cells, lang);
        if (finding) out.push(finding);
      }
      if (notApplicable && previous && !out.length) {
        out.push({
          ruleId: rule.id,
          severity: "info",
          outcome: "unchecked",
          cells: [],
          message: t(lang, "previous.notApplicable", { version: previous.formatVersion }),
        });
      }
      return out;
    }
  }
}

export function validateReport(input: unknown, options: ValidateOptions = {}): Finding[] {
  const lang = options.lang ?? "zh";
  const mode = options.mode ?? "filing";
  try {
    if (!isObject(input)) {
      return [{ ruleId: "SCHEMA", severity: "error", cells: [], path: "", message: t(lang, "schema.notObject") }];
    }
    const version = versionToRead(input);
    const findings: Finding[] = [];
    if (!declaredVersion(input)) {
      findings.push({
        ruleId: "SCHEMA",
        severity: "error",
        cells: [],
        path: "formatVersion",
        message: t(lang, "schema.formatVersion", {
          versions: versionList(lang),
          value: JSON.stringify(input.formatVersion) ?? "undefined",
        }),
      });
    }
    if (!version) {
      findings.push(
        ...schemaFindings(schemaFor(NEWEST()).safeParse(input), getFormat(NEWEST()), lang, input).filter((f) => f.path !== "formatVersion"),
      );
      return sortFindings(findings);
    }
    const format = getFormat(version);
    const parsed = schemaFor(version).safeParse(declaredVersion(input) ? input : { ...input, formatVersion: version });
    findings.push(...schemaFindings(parsed, format, lang, input));
    findings.push(...unknownTableKeys(format, input.tables, lang));

    const doc = viewDocument(input, version);
    const previous = readPrevious(options.previous, doc, lang);
    findings.push(...previous.notes);
    const ctx: CheckContext = {
      doc,
      ...(previous.view ? { previous: previous.view } : {}),
      lang,
      deadlines: { ...STATUTORY_DEADLINES, ...options.deadlines },
      ...(options.today ? { today: options.today } : {}),
      similarityThreshold: options.similarityThreshold ?? 0.9,
    };
    const notRead = notReadCells(options.importFindings);
    const unreadSections = notReadSections(options.importFindings);
    for (const rule of rulesFor(version)) {
      for (const f of runRule(rule, ctx, mode, notRead)) findings.push(unreadSectionNote(f, unreadSections, lang));
    }
    return sortFindings(findings);
  } catch (error) {
    // The rules are total functions; reaching this is a bug, reported as a finding, never a crash.
    return [
      {
        ruleId: "INTERNAL",
        severity: "error",
        cells: [],
        message: `${lang === "zh" ? "校验程序内部错误" : "Internal validator error"}: ${String(error)}`,
      },
    ];
  }
}

/** Cells an import could not read: each with the first IMPORT-* rule (not a mere note) that names it. */
function notReadCells(importFindings: readonly Finding[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of importFindings ?? []) {
    if (!f.ruleId.startsWith("IMPORT-") || f.severity === "info") continue;
    for (const cell of f.cells) if (!out.has(cell)) out.set(cell, f.ruleId);
  }
  return out;
}

/** Text sections an import did not find (IMPORT-SECTION-MISSING names them by path). */
function notReadSections(importFindings: readonly Finding[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of importFindings ?? []) {
    if (f.ruleId.startsWith("IMPORT-") && f.severity !== "info" && f.path?.startsWith("sections.") && !out.has(f.path))
      out.set(f.path, f.ruleId);
  }
  return out;
}

/**
 * A finding about a section the import did not find (empty, no fee statement) judges text nobody
 * read: it becomes an unchecked note that points at the import's finding.
 */
function unreadSectionNote(f: Finding, unread: ReadonlyMap<string, string>, lang: Lang): Finding {
  const importRule = f.path ? unread.get(f.path) : undefined;
  if (!importRule || f.outcome === "unchecked") return f;
  return {
    ...f,
    severity: "info",
    outcome: "unchecked",
    message: t(lang, "section.notImported", { message: f.message, finding: importRule }),
  };
}

/** Only the findings that block submission. */
export function errorsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "error");
}
