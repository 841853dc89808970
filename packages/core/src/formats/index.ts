/**
 * The format registry: every national format as data, with its cells and layouts derived once.
 *
 * A new national format is one definition file beside these, added to `BUILT_IN_FORMATS`: its version
 * joins `FormatVersion`, its documents join `ReportDocument`, and the schema, the rules (each applies
 * to every format that has its cells), the roll-up, the importers and the exporters take it from here.
 * `registerFormat` adds a format while running (a trial format, a test); its documents are checked
 * like any other, but TypeScript knows only the built-in formats' document types.
 */
import { type CompiledFormat, compileFormat } from "./compile";
import { format2019 } from "./format-2019";
import { format2021 } from "./format-2021";
import type { FormatDefinition } from "./types";

export * from "./types";
export * from "./cells";
export * from "./layout";
export * from "./compile";
export { format2019, format2021 };

/** The national formats, oldest first. */
export const BUILT_IN_FORMATS = [format2019, format2021] as const;

type BuiltInFormat = (typeof BUILT_IN_FORMATS)[number];

/** The version of a built-in format: "2019" | "2021". */
export type FormatVersion = BuiltInFormat["version"];

/** The definition of a built-in format by its version, with its literal types. */
export type FormatOf<V extends FormatVersion> = Extract<BuiltInFormat, { readonly version: V }>;

const registry = new Map<string, FormatDefinition>();
const compiled = new Map<string, CompiledFormat>();

/** Every registered version, oldest format first (a live list: `registerFormat` adds to it). */
export const FORMAT_VERSIONS: readonly FormatVersion[] = [];

/** Every registered definition by version (live, like FORMAT_VERSIONS). */
export const FORMATS: Readonly<Record<FormatVersion, FormatDefinition>> = {} as Record<FormatVersion, FormatDefinition>;

function add(def: FormatDefinition): void {
  registry.set(def.version, def);
  const versions = [...registry.values()].sort((a, b) => a.reportYears.from - b.reportYears.from).map((d) => d.version);
  (FORMAT_VERSIONS as string[]).splice(0, FORMAT_VERSIONS.length, ...versions);
  (FORMATS as Record<string, FormatDefinition>)[def.version] = def;
}

for (const def of BUILT_IN_FORMATS) add(def);

/**
 * Adds a format while running and returns it compiled. Its version must be new and its definition
 * well formed (cells, layouts). Documents of it validate, import, export and roll up like any other.
 */
export function registerFormat(def: FormatDefinition): CompiledFormat {
  if (registry.has(def.version)) throw new Error(`a format ${def.version} is already registered`);
  const format = compileFormat(def);
  add(def);
  compiled.set(def.version, format);
  return format;
}

/** The compiled format of a registered version; a version nobody registered is a programming error. */
export function getFormat(version: string): CompiledFormat {
  let format = compiled.get(version);
  if (!format) {
    const def = registry.get(version);
    if (!def) throw new RangeError(`no format ${version}; registered: ${FORMAT_VERSIONS.join(", ")}`);
    format = compileFormat(def);
    compiled.set(version, format);
  }
  return format;
}

/**
 * Whether a value names a registered format. The guard's type is the built-in versions: a format
 * registered while running passes too, and its documents are typed by a cast where they are made.
 */
export function isFormatVersion(value: unknown): value is FormatVersion {
  return typeof value === "string" && registry.has(value);
}

/**
 * The format a report on `year` must use (R-VERSION): the newest format in force that year — 2019
 * for 2019–2020, 2021 from 2021 on. Years before the earliest format take the earliest.
 */
export function formatVersionForYear(year: number): FormatVersion {
  const inForce = FORMAT_VERSIONS.filter((v) => {
    const { from, to } = FORMATS[v].reportYears;
    return year >= from && (to === null || year <= to);
  });
  return inForce[inForce.length - 1] ?? FORMAT_VERSIONS[0]!;
}
