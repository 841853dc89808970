/**
 * zod schemas and types of the report document (the public JSON contract, spec/README.md). The table
 * part of each schema is built from the format definition, so a new format brings its schema with it.
 */
import { z } from "zod";
import {
  type CompiledFormat,
  type DocumentTablesOf,
  FORMAT_VERSIONS,
  type FormatOf,
  type FormatVersion,
  getFormat,
  isFormatVersion,
  TEXT_SECTION_ROLES,
} from "../formats/index";
import { DECIMAL_PATTERN } from "../money";

/** A count: integer ≥ 0, or null for "not given" (blank, "-", "/", "无" in a source document). */
export const countSchema = z.number().int().min(0).nullable();
/** A signed count (2019 本年增/减). */
export const signedCountSchema = z.number().int().nullable();
/** Money as a non-negative decimal string ("12.5"), exact; null = not given. */
export const moneySchema = z
  .string()
  .regex(DECIMAL_PATTERN, { message: '金额须为十进制数字字符串，如 "12.5"' })
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
export const TEXT_SECTION_KEYS = TEXT_SECTION_ROLES satisfies readonly SectionKey[];

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

/** The `tables` of a document of a built-in format, derived from its definition. */
export type TablesFor<V extends FormatVersion> = DocumentTablesOf<FormatOf<V>>;

interface DocumentBase {
  /** The report year: statistics cover 1 January – 31 December of it. */
  year: number;
  agency: Agency;
  /** Publication date (ISO, from the signature block), or null while unpublished/unknown. */
  publishedAt: string | null;
  sections: Sections;
}

/** A report document in the built-in format V. */
export type ReportDocumentOf<V extends FormatVersion> = DocumentBase & { formatVersion: V; tables: TablesFor<V> };
export type ReportDocument2019 = ReportDocumentOf<"2019">;
export type ReportDocument2021 = ReportDocumentOf<"2021">;
/** A report document, discriminated on `formatVersion`: one member per built-in format. */
export type ReportDocument = { [V in FormatVersion]: ReportDocumentOf<V> }[FormatVersion];

const headSchemas = new Map<string, z.ZodType>();
const documentSchemas = new Map<string, z.ZodType>();

/**
 * Everything but the cells: the validator checks the cells itself, walking the same format
 * definition the tables schema is built from, so that a broken cell is named by its rule
 * (T3-INT …) rather than as a schema error — and so validation costs little more than a parse.
 * Built once per registered version.
 */
export function documentHeadSchemaFor<V extends string>(version: V) {
  const build = () =>
    z.strictObject({
      formatVersion: z.literal(version),
      year: yearSchema,
      agency: agencySchema,
      publishedAt: isoDateSchema.nullable(),
      sections: sectionsSchema,
      tables: z.record(z.string(), z.unknown()),
    });
  let schema = headSchemas.get(version) as ReturnType<typeof build> | undefined;
  if (!schema) headSchemas.set(version, (schema = build()));
  return schema;
}

/** The whole document of one registered format, cells included (built once per version). */
export function documentSchemaFor(version: string): z.ZodType {
  let schema = documentSchemas.get(version);
  if (!schema) {
    schema = documentHeadSchemaFor(version).extend({ tables: tablesSchemaFor(getFormat(version)) });
    documentSchemas.set(version, schema);
  }
  return schema;
}

export const reportDocument2019Schema = documentSchemaFor("2019") as unknown as z.ZodType<ReportDocument2019>;
export const reportDocument2021Schema = documentSchemaFor("2021") as unknown as z.ZodType<ReportDocument2021>;

function versionIssue(input: unknown): z.core.$ZodRawIssue {
  return {
    code: "invalid_value",
    values: [...FORMAT_VERSIONS],
    input,
    path: ["formatVersion"],
    message: `格式版本（formatVersion）须为 ${FORMAT_VERSIONS.map((v) => `“${v}”`).join("、")} 之一`,
  };
}

/**
 * The report document of any registered format, discriminated on `formatVersion`: the document is
 * parsed with the schema of the format it names, so a format registered later is accepted as well.
 */
export const reportDocumentSchema = z.unknown().transform((value, ctx) => {
  const version = value !== null && typeof value === "object" ? (value as { formatVersion?: unknown }).formatVersion : undefined;
  if (!isFormatVersion(version)) {
    ctx.issues.push(versionIssue(version));
    return z.NEVER;
  }
  const result = documentSchemaFor(version).safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.issues.push({ ...issue, input: undefined } as z.core.$ZodRawIssue);
  return z.NEVER;
}) as unknown as z.ZodType<ReportDocument>;

/** A registered format version (a live check: formats registered later pass too). */
export const formatVersionSchema = z.custom<FormatVersion>(isFormatVersion, {
  error: () => `格式版本须为 ${FORMAT_VERSIONS.map((v) => `“${v}”`).join("、")} 之一`,
});
