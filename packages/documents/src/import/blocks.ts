/**
 * The one intermediate form every source is read into: a sequence of paragraphs and tables. Word,
 * HTML, Excel, PDF and text readers only turn bytes into blocks; a single assembler then finds the
 * title, sections, signature and table cells in them, so the knowledge of the report format lives in
 * one place.
 */

export interface ParagraphBlock {
  readonly kind: "paragraph";
  readonly text: string;
  /** `pageTitle`: an HTML <title>, used for the report title only when the body has none. */
  readonly role?: "pageTitle";
}

/** A table cell as the source gives it. Spans apply to grid tables; x0/x1 to positioned ones. */
export interface SourceCell {
  readonly text: string;
  readonly rowspan?: number;
  readonly colspan?: number;
  /** Left and right edge on the page (PDF points), for positioned tables. */
  readonly x0?: number;
  readonly x1?: number;
  /**
   * Text around a row rather than in it: the lines a layout extraction wrapped a row's label onto,
   * above or below its values. Read only when the row's own cells name no row.
   */
  readonly wrapped?: "above" | "below";
}

/**
 * How the cells of a table relate to columns:
 * - `grid`: rows of cells with rowspan/colspan, as Word, HTML and Excel store them;
 * - `flat`: rows of cells in reading order, spans unknown (text extracted from a table);
 * - `positioned`: cells carry page coordinates (PDF), value cells may be missing where blank.
 */
export type TableGeometry = "grid" | "flat" | "positioned";

export interface TableBlock {
  readonly kind: "table";
  readonly geometry: TableGeometry;
  readonly rows: readonly (readonly SourceCell[])[];
}

export type Block = ParagraphBlock | TableBlock;

export function paragraph(text: string, role?: "pageTitle"): ParagraphBlock {
  return role ? { kind: "paragraph", text, role } : { kind: "paragraph", text };
}
