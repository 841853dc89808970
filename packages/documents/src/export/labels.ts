/**
 * The words an exported file adds around the form itself: the report title, the signature date, the
 * column names of the flat cell list. The form's own labels (headings, rows, columns) always come from
 * the format definitions in @nianbao/core; nothing here repeats them.
 */
import type { Lang } from "@nianbao/core";

/** The name every such report carries: 「{机关}{年度}年政府信息公开工作年度报告」. */
export function reportTitle(agencyName: string, year: number, lang: Lang): string {
  return lang === "zh"
    ? `${agencyName}${year}年政府信息公开工作年度报告`
    : `${agencyName}: Annual Report on Government Information Disclosure, ${year}`;
}

const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A date as a signature block writes it. zh follows GB/T 9704-2012 7.3.5.1: Arabic numerals, the full
 * year, no leading zeros ("2022年1月28日"). `iso` is already validated as YYYY-MM-DD by the schema.
 */
export function signatureDate(iso: string, lang: Lang): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return lang === "zh" ? `${year}年${month}月${day}日` : `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** Column names of the flat list of cells (CSV and the Excel data sheet). */
export const FLAT_COLUMNS: Record<Lang, readonly [string, string, string]> = {
  zh: ["单元格编号", "项目", "数值"],
  en: ["cell_id", "label_path", "value"],
};

/** Names of the Excel sheets that are not a table of the form: the text sections and the flat cell list. */
export const TEXT_SHEET_NAME: Record<Lang, string> = { zh: "正文", en: "Text" };
export const DATA_SHEET_NAME: Record<Lang, string> = { zh: "数据", en: "Data" };

/** Excel note on an amount kept as text. */
export const MONEY_AS_TEXT_NOTE: Record<Lang, string> = {
  zh: "金额超过15位有效数字，Excel 数值会四舍五入，故按文本保存原值。",
  en: "More than 15 significant digits: an Excel number would round it, so the exact amount is kept as text.",
};

/** Label of the unit a money column without a unit in its header was written in (2019 采购总金额). */
export const UNIT_LABEL: Record<Lang, string> = { zh: "单位", en: "unit" };

const UNIT_NAMES: Record<string, Record<Lang, string>> = {
  元: { zh: "元", en: "yuan" },
  万元: { zh: "万元", en: "10,000 yuan" },
};

/** A column header with the unit stated the way the 2021 form states it: 「本年收费金额（单位：万元）」. */
export function headerWithUnit(label: string, unit: string, lang: Lang): string {
  const name = UNIT_NAMES[unit]?.[lang] ?? unit;
  return lang === "zh" ? `${label}（单位：${name}）` : `${label} (${name})`;
}

/** Separator of the labels in a label path ("第二十条第（一）项 / 规章 / 本年制发件数"). */
export const LABEL_PATH_SEPARATOR = " / ";
