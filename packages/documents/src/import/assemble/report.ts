/**
 * Blocks → report document and findings: the one place where a source, whatever its kind, becomes a
 * document of the contract. Order matters: the tables decide the format version (their rows and
 * columns are the evidence), the title and the stated period decide the year, and only then are the
 * values placed, with the version's identities available to settle run-together rows.
 */
import {
  type AgencyKind,
  createEmptyReport,
  findStatedPeriodNormalized,
  FORMAT_VERSIONS,
  FORMATS,
  type FormatVersion,
  formatVersionForYear,
  getFormat,
  type Lang,
  label as pick,
  normalizeForMatching,
  type ReportDocument,
  sameAgencyName,
} from "@nianbao/core";
import type { Block } from "../blocks";
import { ImportError } from "../errors";
import { FindingList } from "../findings";
import { matchLabel } from "../normalize";
import { forMatching } from "../traditional";
import { formatLabels, versionSignals } from "./labels";
import { readOutline, type Outline, type TextSectionKey } from "./outline";
import { type LogicalRow, logicalRows } from "./rows";
import { TablePlacer } from "./tables";

/** The agency name recorded when a source names none (the document requires one; a finding says so). */
export const UNKNOWN_AGENCY = "未识别机关";

const CELL_ID = /^[A-Za-z]+(?:\.[A-Za-z0-9]+)+$/u;

function isCellId(text: string): boolean {
  const t = text.trim();
  return CELL_ID.test(t) && FORMAT_VERSIONS.some((v) => getFormat(v).cellById.has(t));
}

/** A flat list of cells by id (the CSV export and the Excel data sheet). */
function isIdList(rows: readonly LogicalRow[]): boolean {
  return rows.filter((row) => row.texts.some(isCellId)).length >= 3;
}

/**
 * Which statistical table a source table is: the one whose labels it shares most — at least two, or
 * one that no other table prints. Failing that, the table its section heading announces.
 */
function identifyTable(rows: readonly LogicalRow[], announced: string | null): string | null {
  const hits = new Map<string, Set<string>>();
  const candidates = FORMAT_VERSIONS.flatMap((v) => [...formatLabels(v).byTable.values()].flat());
  for (const row of rows) {
    for (const text of row.labels) {
      for (const match of matchLabel(text, candidates)) {
        const set = hits.get(match.value) ?? new Set<string>();
        set.add(text);
        hits.set(match.value, set);
      }
    }
  }
  const ranked = [...hits].map(([table, texts]) => ({ table, score: texts.size })).sort((a, b) => b.score - a.score);
  const [first, second] = ranked;
  if (first && (first.score >= 2 || !second) && (!second || first.score > second.score)) return first.table;
  return announced;
}

/** What the format is told by: a row's labels and texts. */
type LabelTexts = Pick<LogicalRow, "labels" | "texts">;

/**
 * Paragraphs that are a table label and nothing else: a table copied one cell a line whose cells are
 * all blank leaves only its labels, with nothing to tell its columns by, so it is no table to place —
 * but its labels still say which format it is.
 */
function labelParagraphs(blocks: readonly Block[]): LabelTexts[] {
  return blocks
    .filter((b): b is Extract<Block, { kind: "paragraph" }> => b.kind === "paragraph" && b.role !== "pageTitle")
    .map((b) => b.text.trim())
    .filter((text) => text.length > 0 && text.length <= 40 && !/[。；！？]/u.test(text))
    .map((text) => ({ labels: [text], texts: [text] }));
}

/** How many labels (or cell ids) peculiar to each version the tables show. */
function versionEvidence(rows: readonly LabelTexts[]): Map<FormatVersion, number> {
  const signals = versionSignals();
  const seen = new Map<FormatVersion, Set<string>>();
  const note = (version: FormatVersion, key: string) => {
    const set = seen.get(version) ?? new Set<string>();
    set.add(key);
    seen.set(version, set);
  };
  for (const row of rows) {
    for (const text of row.labels) {
      const matches = matchLabel(text, signals);
      // Only a label that is unmistakably one version's counts ("行政规范性文件" also contains "规范性文件").
      if (matches.length === 1 && matches[0]!.quality <= 1) note(matches[0]!.value, text);
    }
    for (const text of row.texts) {
      const id = text.trim();
      if (!CELL_ID.test(id)) continue;
      const versions = FORMAT_VERSIONS.filter((v) => getFormat(v).cellById.has(id));
      if (versions.length === 1) note(versions[0]!, id);
    }
  }
  return new Map(FORMAT_VERSIONS.map((v) => [v, seen.get(v)?.size ?? 0]));
}

function agencyKind(name: string): AgencyKind {
  // The 本级政府 report is published in the name of the 人民政府 itself; its offices are departments.
  // A title that names a township by itself ("2022年度螅镇…") names its government.
  return /(?:人民)?政府$|[镇乡]$|街道办事处$/u.test(name) ? "government" : "department";
}

/**
 * The year a sentence says the report is about: "汇报我镇2023年政府信息公开工作", "现将某镇2022年度政府信息
 * 公开工作情况报告如下". Read only when neither the title nor a stated period gives it.
 */
const REPORTED_YEAR =
  /(?:汇报|报告)[^，。；\n报]{0,12}?([0-9]{4})年度?的?政府信息公开工作|([0-9]{4})年度?的?政府信息公开工作(?:情况)?报告如下/u;

function reportedYear(text: string): { year: number; quote: string } | null {
  const m = REPORTED_YEAR.exec(text);
  const year = m ? Number(m[1] ?? m[2]) : NaN;
  return m && year >= 2008 && year <= 2100 ? { year, quote: m[0] } : null;
}

interface Decided {
  readonly year: number;
  readonly version: FormatVersion;
}

function decideYearAndVersion(outline: Outline, rows: readonly LabelTexts[], findings: FindingList): Decided {
  const lang = findings.lang;
  const period = findStatedPeriodNormalized(
    normalizeForMatching(forMatching([...outline.preface, ...outline.sections.overview, ...outline.sections.other].join("\n"))),
  );
  const periodYear = period ? Number(period.from.slice(0, 4)) : null;
  const titleYear = outline.title?.year ?? null;
  const evidence = versionEvidence(rows);
  const [first, second] = [...evidence.entries()].sort((a, b) => b[1] - a[1]);
  const structural = first && first[1] > 0 && (!second || first[1] > second[1]) ? first[0] : null;

  let year: number | null = titleYear;
  if (titleYear !== null && periodYear !== null && titleYear !== periodYear) {
    findings.add("IMPORT-YEAR", "warning", [], "yearConflict", { title: titleYear, period: periodYear });
  }
  if (year === null && periodYear !== null) {
    year = periodYear;
    findings.add("IMPORT-YEAR", "info", [], "yearInferred", {
      year,
      source: lang === "zh" ? `统计期限“${period!.quote}”` : `the stated period “${period!.quote}”`,
    });
  }
  const stated = year === null ? reportedYear(forMatching([...outline.preface, ...outline.sections.overview].join("\n"))) : null;
  if (year === null && stated) {
    year = stated.year;
    findings.add("IMPORT-YEAR", "info", [], "yearInferred", {
      year,
      source: lang === "zh" ? `正文“${stated.quote}”` : `the text “${stated.quote}”`,
    });
  }
  if (year === null && outline.signature.date) {
    year = Number(outline.signature.date.slice(0, 4)) - 1;
    findings.add("IMPORT-YEAR", "info", [], "yearInferred", {
      year,
      source:
        lang === "zh"
          ? `落款日期“${outline.signature.dateText}”的上一年`
          : `the year before the signature date “${outline.signature.dateText}”`,
    });
  }
  const version = structural ?? (year !== null ? formatVersionForYear(year) : FORMAT_VERSIONS[FORMAT_VERSIONS.length - 1]!);
  if (year === null) {
    year = FORMATS[version].reportYears.from;
    findings.add("IMPORT-YEAR", "error", [], "yearMissing", { year, version }, { path: "year" });
  } else if (structural && structural !== formatVersionForYear(year)) {
    findings.add(
      "IMPORT-VERSION",
      "warning",
      [],
      "versionMismatch",
      {
        actual: structural,
        year,
        expected: formatVersionForYear(year),
      },
      { path: "formatVersion", expected: formatVersionForYear(year), actual: structural },
    );
  }
  if (!structural && rows.length) findings.add("IMPORT-VERSION", "info", [], "versionUnknown", { version });
  return { year, version };
}

function decideAgency(outline: Outline, findings: FindingList): string {
  const fromTitle = outline.title?.agency ?? null;
  const fromSignature = outline.signature.agency;
  if (fromTitle && fromSignature) {
    if (sameAgencyName(fromTitle, fromSignature)) return fromSignature;
    // A title often shortens the name ("区科技局" for "台儿庄区科技局"): the fuller one that contains it wins.
    const compact = (s: string) => s.replace(/[\s\u3000]/gu, "");
    if (compact(fromSignature).endsWith(compact(fromTitle)) || compact(fromSignature).includes(compact(fromTitle))) return fromSignature;
    if (compact(fromTitle).includes(compact(fromSignature))) return fromTitle;
    findings.add(
      "IMPORT-AGENCY",
      "warning",
      [],
      "agencyConflict",
      { title: fromTitle, signature: fromSignature, chosen: fromTitle },
      { path: "agency.name" },
    );
    return fromTitle;
  }
  const name = fromTitle ?? fromSignature;
  if (name) return name;
  findings.add("IMPORT-AGENCY", "error", [], "agencyMissing", { placeholder: UNKNOWN_AGENCY }, { path: "agency.name" });
  return UNKNOWN_AGENCY;
}

/** A table's caption lines as label rows above it, as if the table printed them in its own cells. */
function captionRows(caption: readonly string[], geometry: LogicalRow["geometry"]): LogicalRow[] {
  return caption.map((text) => ({ labels: [text], wrapped: { above: [], below: [] }, values: [], texts: [text], geometry, caption: true }));
}

export interface Assembled {
  readonly report: ReportDocument;
  readonly findings: FindingList;
}

export function assembleReport(blocks: readonly Block[], lang: Lang): Assembled {
  const findings = new FindingList(lang);
  const outline = readOutline(blocks);
  const tables = outline.tables.map(({ block, sectionTable, caption }) => ({
    rows: [...captionRows(caption, block.geometry), ...logicalRows(block)],
    sectionTable,
  }));
  const allRows = tables.flatMap((t) => t.rows);

  // Labels standing as paragraphs count only when no table shows any (see labelParagraphs).
  const evidenceRows = [...versionEvidence(allRows).values()].some((n) => n > 0) ? allRows : [...allRows, ...labelParagraphs(blocks)];
  const { year, version } = decideYearAndVersion(outline, evidenceRows, findings);
  const labels = formatLabels(version);
  const placer = new TablePlacer(labels, findings);

  const groups = new Map<string, LogicalRow[]>();
  const found = new Set<string>();
  for (const { rows, sectionTable } of tables) {
    if (isIdList(rows)) {
      placer.placeIdList(rows);
      for (const row of rows) {
        const id = row.texts.find((text) => labels.format.cellById.has(text.trim()));
        if (id) found.add(labels.format.cellById.get(id.trim())!.table);
      }
      continue;
    }
    const table = identifyTable(rows, sectionTable);
    if (!table || !labels.format.tableById.has(table)) continue;
    groups.set(table, [...(groups.get(table) ?? []), ...rows]);
  }
  for (const table of labels.format.def.tables) {
    const rows = groups.get(table.id);
    if (!rows) continue;
    found.add(table.id);
    if (table.kind === "blocks") placer.placeBlocks(table.id, rows);
    else if (table.kind === "matrix") placer.placeMatrix(table.id, rows);
    else placer.placeSingleRow(table.id, rows);
  }
  placer.resolveRuns();

  if (!outline.title && outline.headings.size === 0 && found.size === 0) throw new ImportError("noReport", lang);
  placer.reportMissingTables(found);
  placer.reportMissingRows(found);
  placer.reportUnreadCells(found);

  const sections: Record<TextSectionKey, string> = {
    overview: [...outline.preface, ...outline.sections.overview].join("\n"),
    problems: outline.sections.problems.join("\n"),
    other: outline.sections.other.join("\n"),
  };
  const format = getFormat(version);
  for (const key of ["overview", "problems", "other"] as const) {
    if (sections[key].trim()) continue;
    const section = format.def.sections.find((s) => s.key === key);
    findings.add(
      "IMPORT-SECTION-MISSING",
      "warning",
      [],
      "sectionMissing",
      { section: section ? pick(lang, section.heading) : key },
      {
        path: `sections.${key}`,
      },
    );
  }

  const name = decideAgency(outline, findings);
  let publishedAt = outline.signature.date;
  if (!publishedAt && outline.pageDate) {
    publishedAt = outline.pageDate.date;
    findings.add("IMPORT-DATE", "info", [], "dateFromPage", { text: outline.pageDate.text }, { path: "publishedAt" });
  } else if (!publishedAt) findings.add("IMPORT-DATE", "info", [], "dateMissing", {}, { path: "publishedAt" });

  const report = createEmptyReport({ year, agency: { name, kind: agencyKind(name) }, formatVersion: version });
  const tablesOut = placer.store.tables();
  return {
    report: { ...report, publishedAt, sections, tables: tablesOut } as ReportDocument,
    findings,
  };
}
