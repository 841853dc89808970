/**
 * The report as an exporter sees it: title, the six sections in the format's order (a heading, then
 * paragraphs or the section's table layout), and the signature block. Every renderer (Word, HTML,
 * Excel, Markdown) walks this outline, so what goes where is decided once, from core's format data.
 */
import {
  type CellDef,
  type CompiledFormat,
  type Lang,
  type ReportDocument,
  type TableLayout,
  getFormat,
  readRawCell,
  reportDocumentSchema,
  validateReport,
} from "@nianbao/core";
import { reportTitle, signatureDate } from "./labels";

type OutlineBlock =
  | { readonly kind: "heading"; readonly text: string; readonly sectionKey: string }
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "table"; readonly layout: TableLayout; readonly sectionKey: string };

export interface ReportOutline {
  readonly lang: Lang;
  readonly format: CompiledFormat;
  readonly title: string;
  /** Where the title may break over two lines (after the agency's name); null for a title given by the caller. */
  readonly titleBreak: number | null;
  readonly blocks: readonly OutlineBlock[];
  readonly signature: { readonly agency: string; readonly date: string | null };
  /** What a data cell shows: "" for null (never "0"), money as its decimal string, plus its unit if the row records one. */
  readonly cellText: (cellId: string) => string;
}

/** A document that does not fit the contract: names the first offending fields by JSON path. */
export class ExportError extends Error {
  override readonly name = "ExportError";
  constructor(
    message: string,
    readonly paths: readonly string[],
  ) {
    super(message);
  }
}

/**
 * Parse `input` against the contract; throws ExportError naming the fields that do not fit. The words
 * come from core's validator (its SCHEMA findings and the cell findings of the cells at fault), so the
 * message reads as everywhere else: 「一、本年新收政府信息公开申请数量/自然人：“many”不是非负整数」.
 */
export function checkedDocument(input: unknown, lang: Lang): ReportDocument {
  const parsed = reportDocumentSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const paths = parsed.error.issues.map((issue) => issue.path.join("."));
  const cellIds = new Set(paths.filter((path) => path.startsWith("tables.")).map((path) => path.slice("tables.".length)));
  const explained = validateReport(input, { lang }).filter(
    (finding) =>
      finding.severity === "error" &&
      (finding.ruleId === "SCHEMA" || finding.ruleId === "R-VERSION" || finding.cells.some((cell) => cellIds.has(cell))),
  );
  const details =
    explained.length > 0
      ? explained.map((finding) => finding.message)
      : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  const lead = lang === "zh" ? "报告不符合文档格式，无法导出" : "The report does not fit the document format and cannot be exported";
  const separator = lang === "zh" ? "；" : "; ";
  throw new ExportError(`${lead}${lang === "zh" ? "：" : ": "}${details.slice(0, 5).join(separator)}`, paths);
}

/** Paragraphs of a text section: one per line, blank lines and the indentation a source carried dropped. */
function paragraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** The value at a cell, or undefined when the document lacks it. */
export function cellValue(doc: ReportDocument, cell: CellDef): number | string | null | undefined {
  const value = readRawCell(doc.tables, cell);
  return typeof value === "number" || typeof value === "string" || value === null ? value : undefined;
}

/** The unit recorded beside a money cell whose column header gives none (2019 采购总金额 → "元"). */
export function cellUnit(doc: ReportDocument, cell: CellDef): string | null {
  const field = cell.columnDef.unitField;
  if (!field) return null;
  const unit = readRawCell(doc.tables, { ...cell, path: [...cell.path.slice(0, -1), field] });
  return typeof unit === "string" && unit.length > 0 ? unit : null;
}

function cellDisplay(doc: ReportDocument, cell: CellDef): string {
  const value = cellValue(doc, cell);
  if (value === null || value === undefined) return "";
  return `${value}${cellUnit(doc, cell) ?? ""}`;
}

export function reportOutline(doc: ReportDocument, lang: Lang, title?: string): ReportOutline {
  const format = getFormat(doc.formatVersion);
  const blocks: OutlineBlock[] = [];
  for (const section of [...format.def.sections].sort((a, b) => a.order - b.order)) {
    blocks.push({ kind: "heading", text: section.heading[lang], sectionKey: section.key });
    if (section.kind === "table") {
      const layout = format.layouts.find((candidate) => candidate.tableId === section.table);
      if (!layout) throw new Error(`format ${format.version} has no layout for table ${section.table}`);
      blocks.push({ kind: "table", layout, sectionKey: section.key });
    } else {
      const text = (doc.sections as Record<string, string | undefined>)[section.key] ?? "";
      for (const paragraph of paragraphs(text)) blocks.push({ kind: "paragraph", text: paragraph });
    }
  }
  return {
    lang,
    format,
    title: title ?? reportTitle(doc.agency.name, doc.year, lang),
    titleBreak: title === undefined && lang === "zh" ? doc.agency.name.length : null,
    blocks,
    signature: { agency: doc.agency.name, date: doc.publishedAt ? signatureDate(doc.publishedAt, lang) : null },
    cellText: (cellId) => {
      const cell = format.cellById.get(cellId);
      if (!cell) throw new Error(`format ${format.version} has no cell ${cellId}`);
      return cellDisplay(doc, cell);
    },
  };
}
