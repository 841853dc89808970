/**
 * Linear identities: `Σ lhs  (== | <= | >=)  Σ rhs` over cells, compiled once per format from the
 * rule catalogue and evaluated on cell readings. The importer reuses the compiled equations to decide
 * which readings of a run-together row the table's own identities allow.
 */
import type { CellDef, CompiledFormat, Label, MatrixTableDef } from "../formats/index";
import { type Lang, label as pick, t } from "../i18n/index";
import type { Finding, Severity } from "../schema/findings";
import type { LinearRule, ListSpec, Scope } from "./definitions";
import { type CellReading, CellStatus } from "./reading";

export interface CompiledTerm {
  readonly cellId: string;
  /** Index in the current format (for current-year terms). */
  readonly index: number;
  readonly sign: 1 | -1;
  readonly previous: boolean;
}

export interface LinearInstance {
  readonly rule: LinearRule;
  readonly lhs: readonly CompiledTerm[];
  readonly rhs: readonly CompiledTerm[];
  /** Values bound to the rule's placeholders for this instance ({ c: "natural" }). */
  readonly bindings: Readonly<Record<string, string>>;
  /** Current-year cells involved, in term order. */
  readonly cells: readonly string[];
}

/** A rule names a cell the format does not have: the rule does not apply to that format. */
export class MissingCellError extends Error {}

/** The values a placeholder takes in a format (see ListSpec). */
function listValues(rule: LinearRule, spec: ListSpec, format: CompiledFormat): readonly string[] {
  if (typeof spec !== "string") return spec;
  const [kind, arg = ""] = spec.split(/:(.*)/s) as [string, string?];
  if (kind === "role") {
    const { parts, total } = format.def.roles.applicants;
    return arg === "applicants.parts" ? parts : [total];
  }
  if (kind === "rowsWithColumn") {
    const dot = arg.indexOf(".");
    const table = format.tableById.get(arg.slice(0, dot));
    const column = arg.slice(dot + 1);
    if (!table) return [];
    if (table.kind !== "blocks") throw new Error(`${rule.id}: ${spec} is not a block table`);
    return table.blocks.filter((b) => b.columns.some((c) => c.id === column)).flatMap((b) => b.rows.map((r) => r.id));
  }
  const table = format.tableById.get(arg) as MatrixTableDef | undefined;
  if (!table) return [];
  if (table.kind !== "matrix") throw new Error(`${rule.id}: ${spec} is not a matrix table`);
  return kind === "dataRowsOf" ? table.rows.filter((r) => r.data).map((r) => r.id) : table.columns.map((c) => c.id);
}

function expandBindings(rule: LinearRule, format: CompiledFormat): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const [name, spec] of Object.entries(rule.forEach ?? {})) {
    const values = listValues(rule, spec, format);
    out = out.flatMap((b) => values.map((v) => ({ ...b, [name]: v })));
  }
  return out;
}

/** A term with a `sumOver` placeholder stands for one term per value. */
function expandSums(rule: LinearRule, term: string, format: CompiledFormat): string[] {
  let terms = [term];
  for (const [name, spec] of Object.entries(rule.sumOver ?? {})) {
    if (!term.includes(`{${name}}`)) continue;
    const values = listValues(rule, spec, format);
    terms = terms.flatMap((t) => values.map((v) => t.replaceAll(`{${name}}`, v)));
  }
  return terms;
}

function expandTerm(rule: LinearRule, term: string, bindings: Record<string, string>, format: CompiledFormat) {
  let text = term;
  const sign: 1 | -1 = text.startsWith("-") ? -1 : 1;
  if (sign < 0) text = text.slice(1);
  const previous = text.startsWith("prev:");
  if (previous) text = text.slice("prev:".length);
  const id = text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = bindings[name];
    if (value === undefined) throw new Error(`${rule.id}: unbound {${name}}`);
    return value;
  });
  if (!id.includes("*")) {
    const cell = format.cellById.get(id);
    // A previous-year cell is looked up in last year's format at evaluation time.
    if (!cell && !previous) throw new MissingCellError(`${rule.id}: no cell ${id} in the ${format.version} format`);
    return [{ cellId: id, index: cell?.index ?? -1, sign, previous }];
  }
  const pattern = new RegExp(`^${id.replace(/\./g, "\\.").replace(/\*/g, "[^.]+")}$`);
  const matches = format.cells.filter((c) => pattern.test(c.id));
  if (matches.length === 0) throw new MissingCellError(`${rule.id}: ${id} matches no cell`);
  return matches.map((c) => ({ cellId: c.id, index: c.index, sign, previous }));
}

/**
 * The instances of a rule in a format. Throws MissingCellError when the rule names a cell the
 * format does not have; a rule with no instance there (an empty list) does not apply either.
 */
export function compileLinear(rule: LinearRule, format: CompiledFormat): LinearInstance[] {
  return expandBindings(rule, format).map((bindings) => {
    const side = (terms: readonly string[]) =>
      terms.flatMap((term) => expandSums(rule, term, format)).flatMap((term) => expandTerm(rule, term, bindings, format));
    const lhs = side(rule.lhs);
    const rhs = side(rule.rhs);
    const cells = [...lhs, ...rhs].filter((term) => !term.previous).map((term) => term.cellId);
    return { rule, lhs, rhs, bindings, cells };
  });
}

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

export type LinearOutcome =
  { kind: "holds" } | { kind: "fails"; lhs: number; rhs: number } | { kind: "unchecked"; unusable: string[] } | { kind: "notApplicable" };

function sumSide(
  terms: readonly CompiledTerm[],
  current: CellReading,
  previous: CellReading | undefined,
  unusable: string[] | null,
): number | "notApplicable" | "unusable" {
  let total = 0;
  let usable = true;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    let reading = current;
    let index = term.index;
    if (term.previous) {
      if (!previous) return "notApplicable";
      const cell = previous.format.cellById.get(term.cellId);
      if (!cell) return "notApplicable";
      reading = previous;
      index = cell.index;
    }
    if (reading.status[index] !== CellStatus.ok) {
      usable = false;
      unusable?.push(term.previous ? `prev:${term.cellId}` : term.cellId);
      continue;
    }
    total += term.sign * reading.values[index]!;
  }
  return usable ? total : "unusable";
}

export function evaluateLinear(instance: LinearInstance, current: CellReading, previous?: CellReading): LinearOutcome {
  // The common case (every cell usable) allocates nothing; the list of unusable cells is built
  // only when a message needs it.
  const lhs = sumSide(instance.lhs, current, previous, null);
  const rhs = sumSide(instance.rhs, current, previous, null);
  if (lhs === "notApplicable" || rhs === "notApplicable") return { kind: "notApplicable" };
  if (lhs === "unusable" || rhs === "unusable") {
    const unusable: string[] = [];
    sumSide(instance.lhs, current, previous, unusable);
    sumSide(instance.rhs, current, previous, unusable);
    return { kind: "unchecked", unusable };
  }
  const holds = instance.rule.relation === "==" ? lhs === rhs : instance.rule.relation === "<=" ? lhs <= rhs : lhs >= rhs;
  return holds ? HOLDS : { kind: "fails", lhs, rhs };
}

const HOLDS: LinearOutcome = { kind: "holds" };

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

function scopeText(scope: Scope, instance: LinearInstance, format: CompiledFormat, lang: Lang): string {
  if (scope.kind === "table") return pick(lang, scope.label);
  const value = scope.kind === "block" ? scope.var : (instance.bindings[scope.var] ?? scope.var);
  const cells = format.cellsByTable.get(scope.table) ?? [];
  if (scope.kind === "column") {
    const cell = cells.find((c) => c.column === value);
    return t(lang, "scope.column", { label: cell ? pick(lang, cell.columnDef.label) : value });
  }
  const cell = cells.find((c) => c.row === value);
  if (scope.kind === "block") return t(lang, "scope.block", { label: cell ? pick(lang, cell.rowLabel) : value });
  return t(lang, "scope.row", { label: cell ? pick(lang, cell.rowShort) : value });
}

function termLabel(term: CompiledTerm, scope: Scope, format: CompiledFormat, lang: Lang): string {
  const cell: CellDef | undefined = format.cellById.get(term.cellId);
  let text: string;
  if (!cell) text = term.cellId;
  else if (scope.kind === "column") text = pick(lang, cell.rowShort);
  else text = pick(lang, cell.columnDef.label);
  return term.previous ? t(lang, "term.previous", { label: text }) : text;
}

function valueOf(term: CompiledTerm, current: CellReading, previous: CellReading | undefined): number {
  if (!term.previous) return current.values[term.index]!;
  const cell = previous?.format.cellById.get(term.cellId);
  return cell ? previous!.values[cell.index]! : Number.NaN;
}

function sideText(
  terms: readonly CompiledTerm[],
  name: Label | undefined,
  sum: number,
  instance: LinearInstance,
  current: CellReading,
  previous: CellReading | undefined,
  lang: Lang,
): string {
  if (terms.length === 0) return "0";
  const space = lang === "en" ? " " : "";
  if (name && terms.length > 3) return `${pick(lang, name)}${space}(${sum})`;
  const format = current.format;
  const parts = terms.map((term, i) => {
    const text = `${termLabel(term, instance.rule.scope, format, lang)}${space}(${valueOf(term, current, previous)})`;
    if (i === 0) return term.sign < 0 ? `-${text}` : text;
    return `${space}${term.sign < 0 ? "-" : "+"}${space}${text}`;
  });
  return terms.length === 1 ? parts.join("") : `${parts.join("")}${space}=${space}${sum}`;
}

export function linearFinding(
  instance: LinearInstance,
  outcome: LinearOutcome,
  current: CellReading,
  previous: CellReading | undefined,
  lang: Lang,
  severity: Severity = instance.rule.severity,
): Finding | null {
  if (outcome.kind === "holds" || outcome.kind === "notApplicable") return null;
  const { rule } = instance;
  const format = current.format;
  const scope = scopeText(rule.scope, instance, format, lang);
  if (outcome.kind === "unchecked") {
    const names = outcome.unusable.map((id) => {
      const previousTerm = id.startsWith("prev:");
      const cellId = previousTerm ? id.slice(5) : id;
      const term = { cellId, index: -1, sign: 1 as const, previous: previousTerm };
      return termLabel(term, rule.scope, format, lang);
    });
    return {
      ruleId: rule.id,
      severity: "info",
      outcome: "unchecked",
      cells: [...instance.cells],
      message: t(lang, "linear.unchecked", { scope, cells: [...new Set(names)].join(lang === "zh" ? "、" : ", ") }),
    };
  }
  const lhs = sideText(instance.lhs, rule.lhsName, outcome.lhs, instance, current, previous, lang);
  const rhs = sideText(instance.rhs, rule.rhsName, outcome.rhs, instance, current, previous, lang);
  const key = rule.relation === "==" ? "linear.notEqual" : rule.relation === "<=" ? "linear.notLessOrEqual" : "linear.notGreaterOrEqual";
  const stated = rule.stated === "lhs" ? outcome.lhs : outcome.rhs;
  const other = rule.stated === "lhs" ? outcome.rhs : outcome.lhs;
  return {
    ruleId: rule.id,
    severity,
    outcome: "failed",
    cells: [...instance.cells],
    message: t(lang, key, { scope, lhs, rhs }),
    expected: other,
    actual: stated,
  };
}
