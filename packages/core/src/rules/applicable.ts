/**
 * Which rules apply to a format, and their compiled instances, found once per format. A rule applies
 * to every format that has its cells: a linear identity whose every cell the format has, a cell rule
 * whose table (and kinds of cell) it has, a check whose roles it gives.
 */
import { type CompiledFormat, getFormat } from "../formats/index";
import { RULES } from "./catalog";
import type { CellRule, LinearRule, RuleDefinition } from "./definitions";
import { compileLinear, type LinearInstance, MissingCellError } from "./linear";

interface Applicable {
  readonly rules: RuleDefinition[];
  readonly instances: LinearInstance[];
  readonly byRule: Map<LinearRule, LinearInstance[]>;
}

const cache = new Map<string, Applicable>();

function cellRuleApplies(rule: CellRule, format: CompiledFormat): boolean {
  const cells = format.cellsByTable.get(rule.table) ?? [];
  if (rule.tableHas && !cells.some((c) => c.kind === rule.tableHas)) return false;
  if (rule.tableLacks && cells.some((c) => c.kind === rule.tableLacks)) return false;
  return cells.some((c) => !rule.cellKinds || rule.cellKinds.includes(c.kind));
}

function linearInstancesIn(rule: LinearRule, format: CompiledFormat): LinearInstance[] {
  try {
    return compileLinear(rule, format);
  } catch (error) {
    if (error instanceof MissingCellError) return [];
    throw error;
  }
}

function applicable(version: string): Applicable {
  let found = cache.get(version);
  if (found) return found;
  const format = getFormat(version);
  found = { rules: [], instances: [], byRule: new Map() };
  for (const rule of RULES) {
    if (rule.needs?.some((role) => format.def.roles[role] === undefined)) continue;
    if (rule.kind === "cells" && !cellRuleApplies(rule, format)) continue;
    if (rule.kind === "linear") {
      const instances = linearInstancesIn(rule, format);
      if (instances.length === 0) continue;
      found.instances.push(...instances);
      found.byRule.set(rule, instances);
    }
    found.rules.push(rule);
  }
  cache.set(version, found);
  return found;
}

/** The rules that apply to a format, in catalogue order. */
export function rulesFor(version: string): readonly RuleDefinition[] {
  return applicable(version).rules;
}

/** Every linear rule instance of a format, in catalogue order. */
export function linearInstances(version: string): readonly LinearInstance[] {
  return applicable(version).instances;
}

/** The instances of each linear rule of a format. */
export function linearInstancesByRule(version: string): ReadonlyMap<LinearRule, readonly LinearInstance[]> {
  return applicable(version).byRule;
}

/**
 * Tables of a format that no identity or cell rule checks: a format added without rules for one of
 * its tables would have its figures accepted unchecked, so the format tests require this be empty.
 */
export function tablesWithoutRules(version: string): string[] {
  const rules = rulesFor(version);
  const checked = new Set<string>();
  for (const rule of rules) {
    if (rule.kind === "cells") checked.add(rule.table);
    if (rule.kind === "linear")
      for (const instance of linearInstancesByRule(version).get(rule) ?? []) {
        for (const id of instance.cells) checked.add(id.slice(0, id.indexOf(".")));
      }
  }
  return getFormat(version)
    .def.tables.map((t) => t.id)
    .filter((id) => !checked.has(id));
}
