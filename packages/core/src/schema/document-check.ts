/**
 * A fast check of a whole report document that accepts exactly what the zod schema of its format
 * (`documentSchemaFor`) accepts, for streams of many documents: the CLI roll-up of 100,000 reports,
 * where a zod parse costs some 150 µs a report. The zod schema stays the definition: the table part
 * of this check is compiled from the same cell list the schema is built from, the head reads its
 * limits (lengths, years, agency kinds, section keys) from the zod schemas themselves, and the tests
 * hold the check against the schema on valid documents and on generated broken ones.
 *
 * It only says yes or no; `documentIssue` asks zod where a refused document goes wrong.
 */
import type { z } from "zod";
import { type CellDef, type CompiledFormat, getFormat, isFormatVersion } from "../formats/index";
import { isDecimalString } from "../money";
import {
  agencyKindSchema,
  agencySchema,
  documentSchemaFor,
  isoDateSchema,
  moneyUnitSchema,
  type ReportDocument,
  sectionsSchema,
  tablesSchemaFor,
  yearSchema,
} from "./document";

type Check = (value: unknown) => boolean;

/** A tree of the keys inside `tables`: an object node, a cell, or a money cell's optional unit. */
type Node = { kind: "object"; keys: Map<string, Node> } | { kind: "cell"; cell: CellDef } | { kind: "unit" };

function keyNodes(format: CompiledFormat): Node {
  const root: Node = { kind: "object", keys: new Map() };
  const place = (path: readonly string[], leaf: Node) => {
    let node = root;
    const last = path.at(-1) ?? "";
    for (const key of path.slice(0, -1)) {
      let next = node.keys.get(key);
      if (!next) node.keys.set(key, (next = { kind: "object", keys: new Map() }));
      if (next.kind !== "object") throw new Error(`format ${format.version}: ${path.join(".")} is inside a cell`);
      node = next;
    }
    node.keys.set(last, leaf);
  };
  for (const cell of format.cells) {
    place(cell.path, { kind: "cell", cell });
    if (cell.columnDef.unitField) place([...cell.path.slice(0, -1), cell.columnDef.unitField], { kind: "unit" });
  }
  return root;
}

const UNITS: readonly string[] = moneyUnitSchema.options;

/**
 * The source of a function `(t, keys, isMoney) => boolean` checking `tables`: every object is a
 * plain object holding exactly its format keys (its own keys counted against the required ones plus
 * the optional units present: counting is several times cheaper than testing each key), every cell
 * null or a value of its kind. Property names are written as JSON string literals, so any key a
 * format may use is safe in the source.
 */
function tablesSource(root: Node): string {
  let vars = 0;
  const lines: string[] = [];
  const visit = (node: Extract<Node, { kind: "object" }>, expr: string) => {
    const o = `o${vars++}`;
    const n = `n${vars++}`;
    lines.push(`var ${o} = ${expr};`, `if (${o} === null || typeof ${o} !== "object" || Array.isArray(${o})) return false;`);
    lines.push(`var ${n} = keys(${o}).length;`);
    let required = 0;
    const units: string[] = [];
    for (const [key, child] of node.keys) {
      const at = `${o}[${JSON.stringify(key)}]`;
      if (child.kind === "object") {
        required++;
        visit(child, at);
      } else if (child.kind === "unit") {
        units.push(at);
      } else {
        required++;
        const v = `v${vars++}`;
        lines.push(`var ${v} = ${at};`);
        if (child.cell.kind === "money") lines.push(`if (${v} !== null && !isMoney(${v})) return false;`);
        else {
          const sign = child.cell.kind === "count" ? ` && ${v} >= 0` : "";
          lines.push(`if (${v} !== null && !(typeof ${v} === "number" && Number.isSafeInteger(${v})${sign})) return false;`);
        }
      }
    }
    const present = units.map((at) => ` + (${at} !== undefined ? 1 : 0)`).join("");
    lines.push(`if (${n} !== ${required}${present}) return false;`);
    for (const at of units)
      lines.push(
        `if (${at} !== undefined && ${at} !== null && ${UNITS.map((u) => `${at} !== ${JSON.stringify(u)}`).join(" && ")}) return false;`,
      );
  };
  if (root.kind === "object") visit(root, "t");
  lines.push("return true;");
  return lines.join("\n");
}

const isMoney = (value: unknown) => isDecimalString(value) && !value.startsWith("-");
const ownKeys = (o: object) => Object.keys(o).length;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const SECTION_KEYS = Object.keys(sectionsSchema.shape) as (keyof typeof sectionsSchema.shape)[];
const AGENCY_KINDS: readonly unknown[] = agencyKindSchema.options;
const NAME = agencySchema.shape.name;
const HEAD_KEYS = ["formatVersion", "year", "agency", "publishedAt", "sections", "tables"].length;

/** Everything but the cells, as `documentHeadSchemaFor(version)` reads it. */
function headIsValid(d: Record<string, unknown>, version: string): boolean {
  if (ownKeys(d) !== HEAD_KEYS || d.formatVersion !== version) return false;
  const year = d.year;
  if (
    typeof year !== "number" ||
    !Number.isSafeInteger(year) ||
    year < (yearSchema.minValue ?? -Infinity) ||
    year > (yearSchema.maxValue ?? Infinity)
  )
    return false;
  const agency = d.agency;
  if (!isObject(agency) || typeof agency.name !== "string" || !AGENCY_KINDS.includes(agency.kind)) return false;
  const name = agency.name.trim().length;
  if (name < (NAME.minLength ?? 0) || name > (NAME.maxLength ?? Infinity)) return false;
  const rulemaking = agency.rulemaking;
  if (rulemaking !== undefined && typeof rulemaking !== "boolean") return false;
  if (ownKeys(agency) !== 2 + (rulemaking === undefined ? 0 : 1)) return false;
  if (d.publishedAt !== null && !isoDateSchema.safeParse(d.publishedAt).success) return false;
  const sections = d.sections;
  if (!isObject(sections) || ownKeys(sections) !== SECTION_KEYS.length) return false;
  for (const key of SECTION_KEYS) {
    const text = sections[key];
    if (typeof text !== "string" || text.length > (sectionsSchema.shape[key].maxLength ?? Infinity)) return false;
  }
  return true;
}

const tableChecks = new Map<string, Check>();

/** The compiled table check of a format (the zod schema where the platform forbids compiling code). */
function tablesCheckFor(version: string): Check {
  let check = tableChecks.get(version);
  if (check) return check;
  const source = tablesSource(keyNodes(getFormat(version)));
  try {
    const compiled = new Function("t", "keys", "isMoney", source) as (t: unknown, k: typeof Object.keys, m: typeof isMoney) => boolean;
    check = (tables) => compiled(tables, Object.keys, isMoney);
  } catch {
    // A Content-Security-Policy without 'unsafe-eval' (in a browser): the schema itself decides.
    const schema = tablesSchemaFor(getFormat(version));
    check = (tables) => schema.safeParse(tables).success;
  }
  tableChecks.set(version, check);
  return check;
}

/**
 * Whether `value` is a report document of a registered format: true exactly when
 * `reportDocumentSchema` would accept it (for values JSON can hold), at a small part of its cost.
 */
export function isReportDocument(value: unknown): value is ReportDocument {
  if (!isObject(value) || !isFormatVersion(value.formatVersion)) return false;
  return headIsValid(value, value.formatVersion) && tablesCheckFor(value.formatVersion)(value.tables);
}

/** The first zod issue of a document `isReportDocument` refuses (slow: for saying what is wrong). */
export function documentIssue(value: unknown): z.core.$ZodIssue | undefined {
  const version = isObject(value) ? value.formatVersion : undefined;
  if (!isFormatVersion(version)) return undefined;
  const result = documentSchemaFor(version).safeParse(value);
  return result.success ? undefined : result.error.issues[0];
}
