/**
 * The shape of a format definition. A format (2019, 2021, a future one) is plain data of these types:
 * sections, tables, rows, columns, labels and layout. Every layer — the schema, the validator, the
 * roll-up, the importers, the exporters and the editor grid — walks this data instead of naming cells.
 */

/** A label in the form's own words (zh) and an English rendering for `lang: "en"`. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/** What a cell holds. `count`: integer ≥ 0; `signedCount`: integer, may be negative; `money`: decimal string. */
export type CellKind = "count" | "signedCount" | "money";

export interface ColumnDef {
  readonly id: string;
  readonly label: Label;
  readonly kind: CellKind;
  /** Unit fixed by the header (万元), or null when the header gives none and the document must say. */
  readonly unit?: "万元" | null;
  /** Decimal places allowed before a precision warning (money only). */
  readonly maxScale?: number;
  /** For money columns without a unit in the header: the row field that records the unit used. */
  readonly unitField?: string;
  /**
   * A stock at the end of the year (现行有效件数) rather than a flow: summed over several bodies it is
   * only the sum of what each reported, since a jointly issued document counts once per body.
   */
  readonly sumOfReported?: boolean;
}

export interface RowDef {
  readonly id: string;
  readonly label: Label;
  /** A short name for messages ("本年新收" for 一、本年新收政府信息公开申请数量). */
  readonly short?: Label;
  /**
   * Other words published reports print for this row (an earlier form's label kept by habit), which an
   * importer may read as this row. Never shown: the row's label is the one the form prints.
   */
  readonly aliases?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Table kinds. Three shapes cover both national formats.
// ---------------------------------------------------------------------------------------------

/** 二、主动公开: blocks headed 第二十条第（X）项, each with its own columns, on a 4-column grid. */
export interface BlockTableDef {
  readonly kind: "blocks";
  readonly id: string;
  readonly section: string;
  /** Header of the label column in each block ("信息内容"). */
  readonly rowHeaderLabel: Label;
  /** Data columns of the widest block; narrower blocks span their columns over this width. */
  readonly dataColumns: number;
  readonly blocks: readonly {
    readonly id: string;
    readonly label: Label;
    readonly columns: readonly ColumnDef[];
    readonly rows: readonly RowDef[];
  }[];
}

/** A header cell of a table's column header, with its span (as in the official Word table). */
export interface HeaderCellDef {
  readonly label: Label;
  readonly rowspan?: number;
  readonly colspan?: number;
  /** The data column this header cell heads, when it is a leaf. */
  readonly column?: string;
}

/** A row of the applications table: a data row, or a header-only group row that spans its children. */
export interface MatrixRowDef extends RowDef {
  /** 0 = 一/二/三/四, 1 = （一）…（七）, 2 = 1. 2. … */
  readonly level: 0 | 1 | 2;
  /** false for header-only rows (三、本年度办理结果, （三）不予公开 …): they carry no cells. */
  readonly data: boolean;
  /** Row id of the header-only row this row sits under, if any. */
  readonly parent?: string;
}

/** 三、收到和处理: rows × the same columns, row labels nested over 3 label columns. */
export interface MatrixTableDef {
  readonly kind: "matrix";
  readonly id: string;
  readonly section: string;
  readonly labelColumns: 3;
  readonly headerGrid: readonly (readonly HeaderCellDef[])[];
  readonly columns: readonly (ColumnDef & { readonly group: string | null })[];
  readonly columnGroups: readonly { readonly id: string; readonly label: Label; readonly members: readonly string[] }[];
  readonly rows: readonly MatrixRowDef[];
  /** Sums that are not in the form but are useful across versions (results.denied.subtotal …). */
  readonly derivedRows: readonly { readonly id: string; readonly label: Label; readonly sumOf: readonly string[] }[];
}

/** 四、复议诉讼: one data row under a three-level column header. Column ids are `block.col`. */
export interface SingleRowTableDef {
  readonly kind: "singleRow";
  readonly id: string;
  readonly section: string;
  readonly headerGrid: readonly (readonly HeaderCellDef[])[];
  readonly columns: readonly (ColumnDef & { readonly labelPath: readonly Label[] })[];
}

export type TableDef = BlockTableDef | MatrixTableDef | SingleRowTableDef;

export interface SectionDef {
  /** `sections.overview` …; text sections are stored under `sections`, table sections are `tables`. */
  readonly id: string;
  /** Where a text section is stored under `sections`, and what the checks read it for. */
  readonly key: string;
  readonly order: number;
  readonly heading: Label;
  /** The name messages quote when the full heading is longer than the reader needs. */
  readonly short?: Label;
  /** Other headings seen in published reports, matched on a normalised key by importers. */
  readonly headingAliases: readonly string[];
  readonly kind: "text" | "table";
  readonly table?: string;
  /** Guidance shown to editors (the items the format asks this section to cover). */
  readonly mustCover?: readonly string[];
}

/** The text sections every format has, by what the checks read them for. */
export const TEXT_SECTION_ROLES = ["overview", "problems", "other"] as const;
export type TextSectionRole = (typeof TEXT_SECTION_ROLES)[number];

/**
 * Cells that report-level checks, metrics and the sample generator need, named by what they are for
 * rather than by id, so that a format may move or rename them: a check that needs a role the format
 * does not give does not apply to it.
 */
export interface FormatRoles {
  /** 三's applicant columns: the parts that add up to the total column (T3-ROWTOTAL, metrics). */
  readonly applicants: { readonly table: string; readonly parts: readonly string[]; readonly total: string };
  /** 二's row of 规章, as `table.row` (T2-REG-SCOPE: bodies without rule-making power make none). */
  readonly regulations?: string;
  /** The administrative fees collected, a money cell in 万元 (T2-FEE, T2-FEE-UNIT, R-FEE-2021, metrics). */
  readonly feeAmount?: string;
  /** 三's row of applications dropped for a fee not paid in time, as `table.row` (T3-FEE-X). */
  readonly overdueFeeRow?: string;
  /** 政府集中采购: the cell counting projects and the money cell of their amount (T2v19-PROC). */
  readonly procurement?: { readonly projects: string; readonly amount: string };
}
export type RoleName = keyof FormatRoles;

export interface FormatDefinition {
  /** The year of the notice that issued the format ("2021"): how documents name it in `formatVersion`. */
  readonly version: string;
  /** The notice that issued this format. */
  readonly document: string;
  readonly reportYears: { readonly from: number; readonly to: number | null };
  readonly sections: readonly SectionDef[];
  readonly tables: readonly TableDef[];
  readonly roles: FormatRoles;
}
