/**
 * Report-level checks named by the rule catalogue (`kind: "check"`). Each takes the document as read
 * (and last year's, for cross-year checks) and returns its findings.
 */
import { type CellDef, FORMATS, rowObject, formatVersionForYear, TEXT_SECTION_ROLES, type TextSectionRole } from "../formats/index";
import { type Lang, label as pick, list, t } from "../i18n/index";
import { isDecimalString, parseDecimal, shiftDecimal, compareDecimals } from "../money";
import type { Finding, Severity } from "../schema/findings";
import { daysBetween, type Deadlines, deadlineFor } from "../dates";
import { findStatedPeriodNormalized, sameContent, textSimilarity } from "../text";
import type { CheckRule } from "./definitions";
import { cellPath } from "./cells";
import { CellStatus, type DocumentView } from "./reading";
import { TEXT_FIGURES, findNormalizedTextFigures } from "./text-figures";

export { type Deadlines, STATUTORY_DEADLINES } from "../dates";

export interface CheckContext {
  readonly doc: DocumentView;
  readonly previous?: DocumentView;
  readonly lang: Lang;
  readonly deadlines: Deadlines;
  /** ISO date "today", to flag reports still unpublished after the deadline. */
  readonly today?: string;
  readonly similarityThreshold: number;
}

type Check = (rule: CheckRule, ctx: CheckContext) => Finding[];

function finding(rule: CheckRule, message: string, extra: Partial<Finding> = {}, severity?: Severity): Finding {
  return { ruleId: rule.id, severity: severity ?? rule.severity, outcome: "failed", cells: [], message, ...extra };
}

function unchecked(rule: CheckRule, message: string, cells: string[] = []): Finding {
  return { ruleId: rule.id, severity: "info", outcome: "unchecked", cells, message };
}

function sectionHeading(ctx: CheckContext, key: TextSectionRole): string {
  const def = ctx.doc.cells.format.def.sections.find((s) => s.key === key);
  return def ? pick(ctx.lang, def.heading) : key;
}

/** The name messages quote for a section: its short name where the heading is longer than needed. */
function sectionName(ctx: CheckContext, key: TextSectionRole): string {
  const def = ctx.doc.cells.format.def.sections.find((s) => s.key === key);
  return def ? pick(ctx.lang, def.short ?? def.heading) : key;
}

/** The cell a role names, when the format gives the role and has the cell. */
function roleCell(doc: DocumentView, id: string | undefined): CellDef | undefined {
  return id === undefined ? undefined : doc.cells.format.cellById.get(id);
}

function cellValue(doc: DocumentView, id: string): number | null {
  const cell = doc.cells.format.cellById.get(id);
  if (!cell || doc.cells.status[cell.index] !== CellStatus.ok) return null;
  return doc.cells.values[cell.index]!;
}

const NIL = /^(?:无|没有|暂无|无其他需要报告的事项|本(?:机关|单位|局)?(?:\d{4}年度?)?无(?:存在)?其他需要报告(?:的)?事项)[。.]?$/u;

const checks: Record<string, Check> = {
  version(rule, { doc, lang }) {
    if (doc.year === null) return [];
    const expected = formatVersionForYear(doc.year);
    if (expected === doc.formatVersion) return [];
    return [
      finding(
        rule,
        t(lang, "version.mismatch", {
          year: doc.year,
          expected,
          actual: doc.formatVersion,
          document: FORMATS[expected].document.split("《")[0] ?? "",
        }),
        { expected, actual: doc.formatVersion, path: "formatVersion" },
      ),
    ];
  },

  sections(rule, ctx) {
    const out: Finding[] = [];
    for (const key of TEXT_SECTION_ROLES) {
      const text = ctx.doc.sections[key].trim();
      const heading = sectionHeading(ctx, key);
      if (!text) out.push(finding(rule, t(ctx.lang, "sections.empty", { section: heading }), { path: `sections.${key}` }));
      else if (key !== "other" && NIL.test(text.replace(/\s/g, ""))) {
        const params = { section: heading, other: sectionName(ctx, "other") };
        out.push(finding(rule, t(ctx.lang, "sections.nilNotAllowed", params), { path: `sections.${key}` }));
      }
    }
    return out;
  },

  period(rule, { doc, lang }) {
    if (doc.year === null) return [];
    const expectedFrom = `${doc.year}-01-01`;
    const expectedTo = `${doc.year}-12-31`;
    const expected = lang === "zh" ? `${doc.year}年1月1日至${doc.year}年12月31日` : `${expectedFrom} – ${expectedTo}`;
    const stated = findStatedPeriodNormalized(doc.normalized("all"));
    if (!stated) return [unchecked(rule, t(lang, "period.notStated", { expected }))];
    if (stated.from === expectedFrom && stated.to === expectedTo) return [];
    return [
      finding(rule, t(lang, "period.mismatch", { actual: stated.quote, expected }), {
        expected: `${expectedFrom}/${expectedTo}`,
        actual: `${stated.from}/${stated.to}`,
        path: "sections.overview",
      }),
    ];
  },

  deadline(rule, ctx) {
    const { doc, lang } = ctx;
    if (doc.year === null || doc.agencyKind === null) return [];
    const deadline = deadlineFor(doc.year, doc.agencyKind, ctx.deadlines);
    const kind = t(lang, doc.agencyKind === "government" ? "kind.government" : "kind.department");
    if (!doc.publishedAt) {
      if (ctx.today && ctx.today > deadline) {
        return [
          finding(rule, t(lang, "deadline.overdueUnpublished", { kind, deadline, today: ctx.today }), {
            expected: deadline,
            actual: null,
            path: "publishedAt",
          }),
        ];
      }
      return [unchecked(rule, t(lang, "deadline.unchecked", { kind, deadline }))];
    }
    if (doc.publishedAt <= deadline) return [];
    return [
      finding(rule, t(lang, "deadline.late", { kind, deadline, actual: doc.publishedAt, days: daysBetween(deadline, doc.publishedAt) }), {
        expected: deadline,
        actual: doc.publishedAt,
        path: "publishedAt",
      }),
    ];
  },

  govExtra(rule, { doc, lang }) {
    if (doc.agencyKind !== "government") return [];
    const text = doc.normalized("all");
    const wanted = [
      ["考核", lang === "zh" ? "工作考核" : "assessment"],
      ["评议", lang === "zh" ? "社会评议" : "public evaluation"],
      ["责任追究", lang === "zh" ? "责任追究" : "accountability"],
    ] as const;
    const missing = wanted.filter(([needle]) => !text.includes(needle)).map(([, name]) => name);
    // The form puts these results under 六、其他需要报告的事项: the finding points there.
    return missing.length ? [finding(rule, t(lang, "govExtra.missing", { missing: list(lang, missing) }), { path: "sections.other" })] : [];
  },

  fee2021(rule, ctx) {
    const text = ctx.doc.normalized("other");
    // "信息处理费", "信息公开处理费", "未收取…费用", "收费": any way of naming the fees answers the question.
    if (/处理费|收费|收取[^。；]{0,12}费/.test(text)) return [];
    return [finding(rule, t(ctx.lang, "fee2021.missing", { section: sectionName(ctx, "other") }), { path: "sections.other" })];
  },

  feeCross(rule, ctx) {
    const { doc, lang } = ctx;
    const { overdueFeeRow, applicants } = doc.cells.format.def.roles;
    const id = `${overdueFeeRow}.${applicants.total}`;
    const count = cellValue(doc, id);
    if (!count) return [];
    if (/信息处理费|收费通知/.test(doc.normalized("other"))) return [];
    return [finding(rule, t(lang, "feeX.missing", { count, section: sectionName(ctx, "other") }), { cells: [id], path: "sections.other" })];
  },

  applicationsText: (rule, ctx) => textFigureFindings(rule, ctx, "applications"),
  reviewText: (rule, ctx) => textFigureFindings(rule, ctx, "reviewLitigation"),

  feeUnit(rule, { doc, lang }) {
    const cell = roleCell(doc, doc.cells.format.def.roles.feeAmount);
    if (!cell) return [];
    const value = doc.cells.raw[cell.index];
    if (doc.cells.status[cell.index] !== CellStatus.ok || !isDecimalString(value)) return [];
    const name = cellPath(cell, lang);
    const amount = parseDecimal(value)!;
    const out: Finding[] = [];
    // 100亿元 of administrative fees is beyond any single reporting body; an amount in 元 typed into the 万元 column.
    if (compareDecimals(amount, parseDecimal("1000000")!) >= 0) {
      out.push(
        finding(rule, t(lang, "feeUnit.large", { cell: name, value, yuan: shiftDecimal(value, 4) }), {
          cells: [cell.id],
          actual: value,
        }),
      );
    }
    for (const m of doc.normalized("all").matchAll(/行政事业性收费[^，。；：\d]{0,20}?(\d+(?:\.\d+)?)(万元|元)/g)) {
      if (m[2] === "元" && parseDecimal(m[1]!) && compareDecimals(parseDecimal(m[1]!)!, amount) === 0 && m[1] !== "0") {
        out.push(
          finding(rule, t(lang, "feeUnit.text", { textValue: m[1]!, cell: name, value }), {
            cells: [cell.id],
            expected: shiftDecimal(m[1]!, -4),
            actual: value,
          }),
        );
      }
    }
    return out;
  },

  regulationScope(rule, { doc, lang }) {
    if (doc.rulemaking === true) return [];
    if (doc.rulemaking === undefined && doc.agencyKind !== "department") return [];
    const row = doc.cells.format.def.roles.regulations;
    const cells = doc.cells.format.cells.filter(
      (c) => `${c.table}.${c.row}` === row && doc.cells.status[c.index] === CellStatus.ok && doc.cells.values[c.index]! > 0,
    );
    if (cells.length === 0) return [];
    const reason = t(lang, doc.rulemaking === false ? "regScope.notRulemaking" : "regScope.department");
    return [
      finding(
        rule,
        t(lang, "regScope.nonZero", {
          cells: list(
            lang,
            cells.map((c) => cellPath(c, lang)),
          ),
          agency: doc.agencyName || "—",
          reason,
        }),
        { cells: cells.map((c) => c.id) },
      ),
    ];
  },

  procurement2019(rule, { doc, lang }) {
    const role = doc.cells.format.def.roles.procurement;
    const projects = roleCell(doc, role?.projects);
    const amount = roleCell(doc, role?.amount);
    if (!projects || !amount) return [];
    const out: Finding[] = [];
    const raw = doc.cells.raw[amount.index];
    const status = doc.cells.status[amount.index];
    if (status === CellStatus.invalid) {
      out.push(
        finding(rule, t(lang, "cell.notMoney", { cell: cellPath(amount, lang), value: String(raw), unit: "元/万元" }), {
          cells: [amount.id],
        }),
      );
    }
    if (status === CellStatus.ok) {
      const row = rowObject(doc.tables, amount.path.slice(0, -1));
      const unit = amount.columnDef.unitField ? row?.[amount.columnDef.unitField] : undefined;
      if (unit !== "元" && unit !== "万元" && raw !== "0") {
        out.push(finding(rule, t(lang, "cell.unitMissing", { cell: cellPath(amount, lang) }), { cells: [amount.id] }));
      }
      const n = cellValue(doc, projects.id);
      if (n === 0 && isDecimalString(raw) && parseDecimal(raw)!.units !== 0n) {
        out.push(
          finding(
            rule,
            t(lang, "proc.zeroProjects", {
              projects: cellPath(projects, lang),
              amount: cellPath(amount, lang),
              value: raw,
            }),
            { cells: [projects.id, amount.id], expected: "0", actual: raw },
          ),
        );
      }
    }
    return out;
  },

  similarity(rule, ctx) {
    const { doc, previous, lang } = ctx;
    if (!previous) return [];
    const out: Finding[] = [];
    for (const key of TEXT_SECTION_ROLES) {
      const a = doc.sections[key];
      const b = previous.sections[key];
      // Short texts ("无", one sentence) are alike by nature; copying is judged on substantial text.
      if (a.replace(/\s/g, "").length < 60 || b.replace(/\s/g, "").length < 60) continue;
      const score = textSimilarity(a, b);
      if (score > ctx.similarityThreshold) {
        out.push(
          finding(rule, t(lang, "similar.high", { section: sectionHeading(ctx, key), percent: Math.round(score * 100) }), {
            path: `sections.${key}`,
            expected: ctx.similarityThreshold,
            actual: Math.round(score * 1000) / 1000,
          }),
        );
      }
    }
    return out;
  },

  problemsChanged(rule, ctx) {
    const { doc, previous } = ctx;
    if (!previous) return [];
    const a = doc.sections.problems;
    if (!a.trim() || !sameContent(a, previous.sections.problems)) return [];
    return [finding(rule, t(ctx.lang, "problems.same", { section: sectionName(ctx, "problems") }), { path: "sections.problems" })];
  },
};

function textFigureFindings(rule: CheckRule, ctx: CheckContext, table: "applications" | "reviewLitigation"): Finding[] {
  const { doc, lang } = ctx;
  const out: Finding[] = [];
  for (const figure of findNormalizedTextFigures(doc.normalized("overview"))) {
    const def = TEXT_FIGURES.find((f) => f.id === figure.id)!;
    if (def.table !== table) continue;
    const what = pick(lang, def.label);
    // Every reading the form allows for these words; the text is right when one of them matches.
    const total = doc.cells.format.def.roles.applicants.total;
    const readings = [def.cells, ...(def.alternatives ?? [])].map((sum) => {
      const cells = sum.map((id) => id.replace("{total}", total));
      const values = cells.map((id) => cellValue(doc, id));
      return { cells, sum: values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + b!, 0) };
    });
    if (readings.some((r) => r.sum === figure.value)) continue;
    const first = readings.find((r) => r.sum !== null);
    if (!first) {
      out.push(
        unchecked(
          rule,
          t(lang, "text.unchecked", { quote: figure.quote, what }),
          def.cells.map((id) => id.replace("{total}", total)),
        ),
      );
      continue;
    }
    out.push(
      finding(rule, t(lang, "text.mismatch", { quote: figure.quote, what, textValue: figure.value, tableValue: first.sum! }), {
        cells: [...first.cells],
        expected: first.sum!,
        actual: figure.value,
        path: "sections.overview",
      }),
    );
  }
  return out;
}

export function runCheck(rule: CheckRule, ctx: CheckContext): Finding[] {
  const check = checks[rule.check];
  if (!check) throw new Error(`rule ${rule.id}: no check named ${rule.check}`);
  return check(rule, ctx);
}
