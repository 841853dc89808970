/**
 * zod schemas and types of the report document (the public JSON contract, spec/README.md). The table
 * part of each schema is built from the format definition, so a new format brings its schema with it.
 */
import { z } from "zod";
import {
  type CompiledFormat,
  FORMAT_VERSIONS,
  type FormatVersion,
  type TablesOf,
  type format2019,
  type format2021,
  getFormat,
} from "../formats/index";
import { DECIMAL_PATTERN } from "../money";

/** A count: integer ≥ 0, or null for "not given" (blank, "-", "/", "无" in a source document). */
export const countSchema = z.number().int().min(0).nullable();
/** A signed count (2019 本年增/减). */
export const signedCountSchema = z.number().int().nullable();
/** Money as a non-negative decimal string ("12.5"), exact; null = not given. */
export const moneySchema = z
  .string()
  .regex(DECIMAL_PATTERN, { message: "金额须为十进制数字字符串，如 \"12.5\"" })
  .refine((s) => !s.startsWith("-"), { message: "金额不得为负" })
  .nullable();
export const moneyUnitSchema = z.enum(["元", "万元"]);
export type MoneyUnit = z.infer<typeof moneyUnitSchema>;

export const isoDateSchema = z.iso.date();

export const agencyKindSchema = z.enum(["department", "government"]);
export type AgencyKind = z.infer<typeof agencyKindSchema>;

export const agencySchema = z.strictObject({
  /** 台儿庄区科技局 */
  name: z.string().trim().min(1).max(200),
  /** department: 县级以上人民政府部门 (deadline 1月31日); government: 本级政府 report (3月31日). */
  kind: agencyKindSchema,
  /**
   * Whether the body may make 规章 (国务院部门, 省级政府, 设区的市/自治州政府). Optional; T2-REG-SCOPE
   * uses it when given.
   */
  rulemaking: z.boolean().optional(),
});
export type Agency = z.infer<typeof agencySchema>;

export const sectionsSchema = z.strictObject({
  /** 一、总体情况 */
  overview: z.string().max(200_000),
  /** 五、存在的主要问题及改进情况 */
  problems: z.string().max(200_000),
  /** 六、其他需要报告的事项 */
  other: z.string().max(200_000),
});
export type Sections = z.infer<typeof sectionsSchema>;
export type SectionKey = keyof Sections;
export const TEXT_SECTION_KEYS = ["overview", "problems", "other"] as const satisfies readonly SectionKey[];

export const yearSchema = z.number().int().min(2008).max(2100);

// ---------------------------------------------------------------------------------------------

type Tree = { [key: string]: Tree | z.ZodType };

function cellSchema(kind: string): z.ZodType {
  return kind === "money" ? moneySchema : kind === "signedCount" ? signedCountSchema : countSchema;
}

function toZod(tree: Tree): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, node] of Object.entries(tree)) shape[key] = node instanceof z.ZodType ? node : toZod(node);
  return z.strictObject(shape);
}

/** The `tables` schema of a format, built from its cell list. */
export function tablesSchemaFor(format: CompiledFormat): z.ZodType {
  const root: Tree = {};
  for (const cell of format.cells) {
    let node = root;
    for (const key of cell.path.slice(0, -1)) node = (node[key] ??= {}) as Tree;
    node[cell.path[cell.path.length - 1]!] = cellSchema(cell.kind);
    if (cell.columnDef.unitField) node[cell.columnDef.unitField] = moneyUnitSchema.nullable().optional();
  }
  return toZod(root);
}

type Tables2019 = TablesOf<typeof format2019> & {
  activeDisclosure: { centralizedProcurement: { totalAmountUnit?: MoneyUnit | null } };
};
type Tables2021 = TablesOf<typeof format2021>;

interface DocumentBase {
  /** The report year: statistics cover 1 January – 31 December of it. */
  year: number;
  agency: Agency;
  /** Publication date (ISO, from the signature block), or null while unpublished/unknown. */
  publishedAt: string | null;
  sections: Sections;
}

export interface ReportDocument2019 extends DocumentBase {
  formatVersion: "2019";
  tables: Tables2019;
}
export interface ReportDocument2021 extends DocumentBase {
  formatVersion: "2021";
  tables: Tables2021;
}
export type ReportDocument = ReportDocument2019 | ReportDocument2021;
export type TablesFor<V extends FormatVersion> = V extends "2019" ? Tables2019 : Tables2021;

function documentSchemaFor<V extends FormatVersion>(version: V) {
  return documentHeadSchemaFor(version).extend({ tables: tablesSchemaFor(getFormat(version)) });
}

/**
 * Everything but the cells: the validator checks the cells itself, walking the same format
 * definition the tables schema is built from, so that a broken cell is named by its rule
 * (T3-INT …) rather than as a schema error — and so validation costs little more than a parse.
 */
export function documentHeadSchemaFor<V extends FormatVersion>(version: V) {
  return z.strictObject({
    formatVersion: z.literal(version),
    year: yearSchema,
    agency: agencySchema,
    publishedAt: isoDateSchema.nullable(),
    sections: sectionsSchema,
    tables: z.record(z.string(), z.unknown()),
  });
}

export const reportDocument2019Schema = documentSchemaFor("2019") as unknown as z.ZodType<ReportDocument2019>;
export const reportDocument2021Schema = documentSchemaFor("2021") as unknown as z.ZodType<ReportDocument2021>;

/** The report document, discriminated on `formatVersion`. */
export const reportDocumentSchema = z.discriminatedUnion("formatVersion", [
  documentSchemaFor("2019"),
  documentSchemaFor("2021"),
]) as unknown as z.ZodType<ReportDocument>;

export const formatVersionSchema = z.enum(FORMAT_VERSIONS);
