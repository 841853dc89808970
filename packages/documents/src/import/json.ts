/**
 * JSON input is the contract document itself (or the `{ report, findings }` the CLI prints). A valid
 * one is returned as it is. A malformed one keeps what is valid — each cell whose value fits its
 * column, the fields that fit the schema — and core's SCHEMA findings say what was wrong.
 */
import {
  type AgencyKind,
  agencySchema,
  createEmptyReport,
  FORMAT_VERSIONS,
  type FormatVersion,
  formatVersionForYear,
  getFormat,
  isFormatVersion,
  isIsoDate,
  isValidCellValue,
  type Lang,
  readRawCell,
  type ReportDocument,
  reportDocumentSchema,
  validateReport,
  writeCell,
  yearSchema,
} from "@nianbao/core";
import { ImportError } from "./errors";
import { cellName, FindingList, kindName } from "./findings";
import { UNKNOWN_AGENCY } from "./assemble/report";

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function salvage(input: Record<string, unknown>, findings: FindingList): ReportDocument {
  const year = yearSchema.safeParse(input.year).success ? (input.year as number) : null;
  const version: FormatVersion = isFormatVersion(input.formatVersion)
    ? input.formatVersion
    : year !== null
      ? formatVersionForYear(year)
      : FORMAT_VERSIONS[FORMAT_VERSIONS.length - 1]!;
  const agency = agencySchema.safeParse(input.agency);
  const agencyIn = isObject(input.agency) ? input.agency : {};
  const name = agency.success
    ? agency.data.name
    : typeof agencyIn.name === "string" && agencyIn.name.trim()
      ? agencyIn.name.trim().slice(0, 200)
      : UNKNOWN_AGENCY;
  const kind: AgencyKind = agencyIn.kind === "government" ? "government" : "department";
  const report = createEmptyReport({
    year: year ?? getFormat(version).def.reportYears.from,
    agency: agency.success ? agency.data : { name, kind },
    formatVersion: version,
  });
  const sectionsIn = isObject(input.sections) ? input.sections : {};
  for (const key of ["overview", "problems", "other"] as const) {
    const text = sectionsIn[key];
    if (typeof text === "string") report.sections[key] = text.slice(0, 200_000);
  }
  report.publishedAt = isIsoDate(input.publishedAt) ? input.publishedAt : null;
  const tables = report.tables as unknown as Record<string, unknown>;
  for (const cell of getFormat(version).cells) {
    const value = readRawCell(input.tables, cell);
    if (value === undefined || value === null) continue;
    if (isValidCellValue(cell, value)) writeCell(tables, cell, value as number | string);
    else {
      findings.add("IMPORT-UNREADABLE", "warning", [cell.id], "unreadable", {
        cell: cellName(cell, findings.lang),
        text: typeof value === "string" ? value : (JSON.stringify(value) ?? String(value)),
        kind: kindName(cell, findings.lang),
      });
    }
    const field = cell.columnDef.unitField;
    if (field) {
      const unit = readRawCell(input.tables, { ...cell, path: [...cell.path.slice(0, -1), field] });
      if ((unit === "元" || unit === "万元") && isValidCellValue(cell, value)) {
        writeCell(tables, { ...cell, path: [...cell.path.slice(0, -1), field] }, unit);
      }
    }
  }
  return report;
}

export function importJson(text: string, lang: Lang): { report: ReportDocument; findings: FindingList } {
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/u, ""));
  } catch (error) {
    throw new ImportError("badJson", lang, { detail: error instanceof Error ? error.message : String(error) });
  }
  // The CLI's import output wraps the document.
  if (isObject(input) && isObject(input.report) && !("formatVersion" in input)) input = input.report;
  if (!isObject(input)) throw new ImportError("noReport", lang);
  const findings = new FindingList(lang);
  const parsed = reportDocumentSchema.safeParse(input);
  if (parsed.success) return { report: parsed.data, findings };
  findings.items.push(...validateReport(input, { lang, mode: "import" }).filter((f) => f.ruleId === "SCHEMA" || f.ruleId === "R-VERSION"));
  return { report: salvage(input, findings), findings };
}
