/**
 * The findings an import adds, in core's Finding shape. Each names the cells it affects and speaks in
 * the form's own labels (zh-CN by default, English on request).
 *
 * | ruleId                | severity          | meaning                                                          |
 * | --------------------- | ----------------- | ---------------------------------------------------------------- |
 * | IMPORT-TABLE-MISSING  | warning           | a statistical table was not found; all its cells are null        |
 * | IMPORT-ROWS-MISSING   | warning           | rows of a table were not found (lost in extraction); cells null  |
 * | IMPORT-CELLS-MISSING  | warning           | cells of rows that were found got no value from the source, and  |
 * |                       |                   | no other finding says why (a column the table printed elsewhere) |
 * | IMPORT-VALUE-COUNT    | warning           | a row has more or fewer values than columns and no positions to  |
 * |                       |                   | tell which is which; the whole row is null                       |
 * | IMPORT-UNREADABLE     | warning           | a cell's text is not a value of its kind ("12.5" as a count)     |
 * | IMPORT-AMBIGUOUS      | warning           | values that cannot be placed with confidence: a row label naming |
 * |                       |                   | several rows, two different values for one cell, or run-together |
 * |                       |                   | digits that the table's identities do not reduce to one reading  |
 * | IMPORT-SPLIT          | info              | run-together digits placed: the identities allow one reading only |
 * | IMPORT-POSITION       | info              | a row of values printed without its label, placed where the      |
 * |                       |                   | form's order of rows leaves one reading (assemble/positions.ts)  |
 * | IMPORT-EXTRA-ROW      | info              | a row the format does not have (a local addition); not imported  |
 * | IMPORT-UNIT           | info              | an amount written in 元 was converted exactly to the column's 万元 |
 * | IMPORT-SECTION-MISSING| warning           | a text section (一, 五, 六) was not found                          |
 * | IMPORT-AGENCY         | error / warning   | no agency name found (a placeholder is used) / title and         |
 * |                       |                   | signature disagree                                               |
 * | IMPORT-YEAR           | error/warning/info| no report year found / title and stated period disagree / the    |
 * |                       |                   | year was inferred from the period or the publication date        |
 * | IMPORT-VERSION        | warning / info    | the tables are in another format than the year requires / no row |
 * |                       |                   | or column tells the versions apart, so the year decided          |
 * | IMPORT-DATE           | info              | no signature date: publishedAt is null, or taken from the page   |
 */
import { type CellDef, type Finding, type Lang, type Severity, cellPath, fill, list } from "@nianbao/core";

export type ImportRuleId =
  | "IMPORT-TABLE-MISSING"
  | "IMPORT-ROWS-MISSING"
  | "IMPORT-CELLS-MISSING"
  | "IMPORT-VALUE-COUNT"
  | "IMPORT-UNREADABLE"
  | "IMPORT-AMBIGUOUS"
  | "IMPORT-SPLIT"
  | "IMPORT-POSITION"
  | "IMPORT-EXTRA-ROW"
  | "IMPORT-UNIT"
  | "IMPORT-SECTION-MISSING"
  | "IMPORT-AGENCY"
  | "IMPORT-YEAR"
  | "IMPORT-VERSION"
  | "IMPORT-DATE";

const MESSAGES = {
  tableMissing: {
    zh: "未找到“{table}”统计表，其{count}个单元格均未导入",
    en: "The table “{table}” was not found; none of its {count} cells was imported",
  },
  cellsMissing: {
    zh: "“{table}”中有{count}个单元格未能从原文读到数值，未导入：{cells}",
    en: "“{table}”: {count} cells got no value from the source and were not imported: {cells}",
  },
  rowsMissing: {
    zh: "“{table}”缺少{count}行，这些行的单元格未导入：{rows}",
    en: "“{table}” lacks {count} rows, whose cells were not imported: {rows}",
  },
  valueCount: {
    zh: "{row}：有{actual}个数值，而本行有{expected}列，无法确定各数值所属的列，本行均未导入",
    en: "{row}: {actual} values for {expected} columns; which value belongs to which column cannot be told, so none was imported",
  },
  unreadable: {
    zh: "{cell}：“{text}”不是{kind}，未导入",
    en: "{cell}: “{text}” is not {kind}; not imported",
  },
  ambiguousRow: {
    zh: "标签为“{labels}”的一行数值无法确定属于哪一行（可能是{rows}），未导入",
    en: "A row of values labelled “{labels}” cannot be assigned to one row (it could be {rows}); not imported",
  },
  rowsUnder: {
    zh: "“{label}”下{count}行中的一行",
    en: "one of the {count} rows under “{label}”",
  },
  headerOnlyRow: {
    zh: "“{labels}”是分组标题，其下一行数值无法确定属于哪个子项（{rows}），未导入",
    en: "“{labels}” is a group heading; the values under it cannot be assigned to one of its items ({rows}); not imported",
  },
  conflict: {
    zh: "{cell}：文件中有两个不同的数值（“{first}”与“{second}”），未导入",
    en: "{cell}: the file gives two different values (“{first}” and “{second}”); not imported",
  },
  runAmbiguous: {
    zh: "{row}：数字连写为“{text}”，按本表勾稽关系有{count}种拆分，无法确定，本行未导入",
    en: "{row}: the digits run together as “{text}” and the table's identities allow {count} readings; not imported",
  },
  runNone: {
    zh: "{row}：数字连写为“{text}”，没有一种拆分满足本表勾稽关系，本行未导入",
    en: "{row}: the digits run together as “{text}” and no reading satisfies the table's identities; not imported",
  },
  runTooMany: {
    zh: "{row}：数字连写为“{text}”，可能的拆分过多，无法确定，本行未导入",
    en: "{row}: the digits run together as “{text}” with too many possible readings; not imported",
  },
  runSplit: {
    zh: "{row}：数字连写为“{text}”，按本表勾稽关系（{rules}）只有一种拆分（{reading}），已按此导入",
    en: "{row}: the digits run together as “{text}”; the table's identities ({rules}) allow one reading only ({reading}), which was imported",
  },
  runSplitOnly: {
    zh: "{row}：数字连写为“{text}”，按位数只有一种拆分（{reading}），已按此导入",
    en: "{row}: the digits run together as “{text}”; their count allows one reading only ({reading}), which was imported",
  },
  rowByPosition: {
    zh: "“{row}”一行的数值未印行名，位于“{after}”与“{before}”两行之间，按表格行序只能是本行，已按此导入",
    en: "The values of “{row}” are printed without its label, between the rows “{after}” and “{before}”; the form's order of rows allows no other row there, so they were imported as it",
  },
  extraRow: {
    zh: "“{table}”中有格式之外的行“{label}”，未导入",
    en: "“{table}” has a row the format does not have, “{label}”; not imported",
  },
  unit: {
    zh: "{cell}：金额“{text}”以元为单位，已换算为{value}万元",
    en: "{cell}: the amount “{text}” is in yuan and was converted to {value} × 10,000 yuan",
  },
  sectionMissing: {
    zh: "未找到“{section}”部分的正文",
    en: "No text was found for section “{section}”",
  },
  agencyMissing: {
    zh: "标题和落款中都没有找到机关名称，暂记为“{placeholder}”，请补充",
    en: "No agency name was found in the title or the signature; recorded as “{placeholder}” for now, please complete it",
  },
  agencyConflict: {
    zh: "标题中的机关名称“{title}”与落款“{signature}”不一致，已采用“{chosen}”",
    en: "The agency in the title (“{title}”) differs from the signature (“{signature}”); “{chosen}” was used",
  },
  yearMissing: {
    zh: "没有找到报告年度，暂按{year}年（{version}年格式的第一个年度），请核对",
    en: "No report year was found; {year} (the first year of the {version} format) is used for now, please check",
  },
  yearConflict: {
    zh: "标题中的年度（{title}年）与统计期限的年度（{period}年）不一致，已采用标题年度",
    en: "The year in the title ({title}) differs from the year of the stated period ({period}); the title's year was used",
  },
  yearInferred: {
    zh: "标题中没有年度，根据{source}确定为{year}年",
    en: "The title gives no year; {year} was taken from {source}",
  },
  versionMismatch: {
    zh: "统计表的行列属于{actual}年格式，而{year}年度报告应使用{expected}年格式；已按统计表实际的格式导入",
    en: "The tables' rows and columns are those of the {actual} format, but a {year} report must use the {expected} format; imported as the tables are",
  },
  versionUnknown: {
    zh: "统计表中没有能区分格式版本的行或列，按报告年度采用{version}年格式",
    en: "No row or column of the tables tells the format versions apart; the {version} format of the report year was used",
  },
  dateMissing: {
    zh: "落款中没有找到成文日期，发布日期留空",
    en: "No date was found in the signature; the publication date is left empty",
  },
  dateFromPage: {
    zh: "落款中没有日期，发布日期取自页面上的“{text}”",
    en: "The signature has no date; the publication date was taken from “{text}” on the page",
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ImportMessageKey = keyof typeof MESSAGES;

export function message(lang: Lang, key: ImportMessageKey, params: Record<string, string | number> = {}): string {
  return fill(MESSAGES[key][lang], params);
}

const KIND_NAMES: Record<CellDef["kind"], { zh: string; en: string }> = {
  count: { zh: "非负整数", en: "a whole number ≥ 0" },
  signedCount: { zh: "整数", en: "a whole number" },
  money: { zh: "金额", en: "an amount" },
};

export function kindName(cell: CellDef, lang: Lang): string {
  return KIND_NAMES[cell.kind][lang];
}

/** A cell as a reader finds it in the printed table: 三、…/（三）不予公开/1.属于国家秘密/自然人. */
export function cellName(cell: CellDef, lang: Lang): string {
  return cellPath(cell, lang);
}

export function joinList(lang: Lang, items: readonly string[]): string {
  return list(lang, items);
}

export class FindingList {
  readonly items: Finding[] = [];

  constructor(readonly lang: Lang) {}

  add(
    ruleId: ImportRuleId,
    severity: Severity,
    cells: readonly string[],
    key: ImportMessageKey,
    params: Record<string, string | number> = {},
    extra: Partial<Pick<Finding, "expected" | "actual" | "path">> = {},
  ): void {
    this.items.push({ ruleId, severity, cells: [...cells], message: message(this.lang, key, params), ...extra });
  }
}
