/**
 * The shapes of the rule catalogue. A rule names no format: it applies to every format that has
 * the cells (and the roles) it needs, so a new format brings its rules with its cells.
 */
import type { CellKind, Label, RoleName } from "../formats/index";
import type { Severity } from "../schema/findings";

/**
 * A term of an equation: a cell id, optionally `-` (subtracted) and/or `prev:` (the same agency's
 * previous-year report). `{x}` is replaced by each value of `forEach.x` (one instance each) or of
 * `sumOver.x` (one term each); `*` matches one id segment.
 */
export type Term = string;

/**
 * Values of a placeholder, from the format where the rule is compiled:
 * - a literal list;
 * - `dataRowsOf:<table>`: every data row of a matrix table;
 * - `columnsOf:<table>`: every column of a matrix table;
 * - `rowsWithColumn:<table>.<column>`: every row of a block table that has that column;
 * - `role:applicants.parts` / `role:applicants.total`: the applicant columns the format names.
 */
export type ListSpec =
  | readonly string[]
  | `dataRowsOf:${string}`
  | `columnsOf:${string}`
  | `rowsWithColumn:${string}`
  | "role:applicants.parts"
  | "role:applicants.total";

/** How to name one instance of a rule in its message ("自然人列", "本年新收行"). */
export type Scope =
  | { kind: "column"; var: string; table: string }
  | { kind: "row"; var: string; table: string }
  | { kind: "block"; var: string; table: string }
  | { kind: "table"; label: Label };

interface RuleBase {
  readonly id: string;
  readonly title: Label;
  /** Needs the previous year's report. */
  readonly crossYear?: boolean;
  /** Roles the format must give for the rule to apply (see FormatRoles). */
  readonly needs?: readonly RoleName[];
}

export interface LinearRule extends RuleBase {
  readonly kind: "linear";
  readonly severity: Severity;
  /** Placeholder → values; the rule has one instance per combination. */
  readonly forEach?: Readonly<Record<string, ListSpec>>;
  /** Placeholder → values; a term holding it stands for one term per value. */
  readonly sumOver?: Readonly<Record<string, ListSpec>>;
  readonly lhs: readonly Term[];
  readonly relation: "==" | "<=" | ">=";
  readonly rhs: readonly Term[];
  /** Which side is the figure the report states (the other is what it should be). */
  readonly stated: "lhs" | "rhs";
  readonly scope: Scope;
  /** Names for long sums in messages, instead of listing every term. */
  readonly lhsName?: Label;
  readonly rhsName?: Label;
}

export interface CellRule extends RuleBase {
  readonly kind: "cells";
  readonly table: string;
  /** `type`: every given value is of the column's kind; `presence`: no cell is null or missing. */
  readonly check: "type" | "presence" | "typeAndPresence";
  /** Only cells of these kinds (default: all). */
  readonly cellKinds?: readonly CellKind[];
  /** Applies only where the table has (or has no) cells of this kind: 2019's 本年增/减 is signed. */
  readonly tableHas?: CellKind;
  readonly tableLacks?: CellKind;
  /** Presence failures are errors on filing; on import of historical reports they may be warnings. */
  readonly severity: Severity | { readonly filing: Severity; readonly import: Severity };
}

export interface CheckRule extends RuleBase {
  readonly kind: "check";
  readonly severity: Severity;
  /** Name of the check function in `checks.ts`. */
  readonly check: string;
}

export type RuleDefinition = LinearRule | CellRule | CheckRule;
