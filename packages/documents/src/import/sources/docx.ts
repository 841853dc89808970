/**
 * Word (.docx) to blocks, read from the OOXML itself: the main document part streamed through
 * htmlparser2 in XML mode. Tables keep Word's own merges — `w:gridSpan` (columns) and `w:vMerge`
 * restart/continue (rows), plus `w:gridBefore` offsets — so they reach the assembler as the grid the
 * author drew. A table that nests tables is a layout table: its cells' content is read in order.
 */
import { Parser } from "htmlparser2";
import { type Block, paragraph, type SourceCell, type TableBlock } from "../blocks";
import type { BoundedZip } from "../zip";

const MAIN_PART =
  /wordprocessingml\.(?:document|template)(?:\.macroEnabled)?\.main\+xml|ms-word\.(?:document|template)\.macroEnabledTemplate\.main\+xml/u;

/** The main document part named by [Content_Types].xml (usually word/document.xml). */
function mainPartName(zip: BoundedZip): string {
  const types = zip.text("[Content_Types].xml") ?? "";
  for (const m of types.matchAll(/<Override\b[^>]*>/gu)) {
    const tag = m[0];
    const type = /ContentType="([^"]*)"/u.exec(tag)?.[1] ?? "";
    const part = /PartName="([^"]*)"/u.exec(tag)?.[1];
    if (part && MAIN_PART.test(type)) return part.replace(/^\//u, "");
  }
  return "word/document.xml";
}

/** Content that is not the document's visible text: drawings, deleted or moved-away text, field codes. */
const SKIP = new Set([
  "Fallback",
  "del",
  "moveFrom",
  "delText",
  "instrText",
  "drawing",
  "pict",
  "object",
  "txbxContent",
  "footnotePr",
  "endnotePr",
]);

type CellItem = { kind: "text"; text: string } | { kind: "table"; block: Block[] };

interface CellState {
  items: CellItem[];
  gridSpan: number;
  /** "restart" starts a vertical merge, "continue" extends the one above, null none. */
  vMerge: "restart" | "continue" | null;
}

interface RowState {
  cells: CellState[];
  gridBefore: number;
}

interface TableState {
  rows: RowState[];
  nested: boolean;
}

function local(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function intAttr(attribs: Record<string, string>, fallback: number): number {
  const raw = attribs["w:val"] ?? attribs.val;
  const n = raw === undefined ? fallback : Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : fallback;
}

/** Word's rows, merges resolved: continue cells dropped, restart cells given the rowspan they cover. */
function gridTable(table: TableState): TableBlock {
  const rows: SourceCell[][] = [];
  // For each grid column, the output cell a vertical merge started in, and its row.
  const open = new Map<number, { row: number; index: number }>();
  table.rows.forEach((row, r) => {
    const out: SourceCell[] = [];
    let col = row.gridBefore;
    if (row.gridBefore > 0) out.push({ text: "", colspan: row.gridBefore });
    for (const cell of row.cells) {
      const start = col;
      col += cell.gridSpan;
      if (cell.vMerge === "continue") {
        const origin = open.get(start);
        if (origin) {
          const target = rows[origin.row]![origin.index]!;
          rows[origin.row]![origin.index] = { ...target, rowspan: (target.rowspan ?? 1) + 1 };
          continue;
        }
      }
      const text = cell.items
        .filter((item): item is { kind: "text"; text: string } => item.kind === "text")
        .map((item) => item.text)
        .join("\n")
        .trim();
      out.push({ text, rowspan: 1, colspan: cell.gridSpan });
      if (cell.vMerge === "restart") open.set(start, { row: r, index: out.length - 1 });
      else open.delete(start);
    }
    rows.push(out);
  });
  return { kind: "table", geometry: "grid", rows };
}

/** A layout table's content, cell by cell: paragraphs and the tables nested in them. */
function layoutContent(table: TableState): Block[] {
  const blocks: Block[] = [];
  for (const row of table.rows) {
    for (const cell of row.cells) {
      for (const item of cell.items) {
        if (item.kind === "table") blocks.push(...item.block);
        else for (const line of item.text.split("\n")) if (line.trim()) blocks.push(paragraph(line.trim()));
      }
    }
  }
  return blocks;
}

/**
 * The body of document.xml read element by element: paragraph text (without hidden runs, deleted
 * text and field codes) and tables with their merges. Paragraphs inside a table cell become the
 * cell's text; a table inside a cell marks the outer one as a layout table.
 */
class BodyReader {
  readonly blocks: Block[] = [];
  private readonly tables: TableState[] = [];
  private skipDepth = 0;
  /** The text of the paragraph being read; null outside paragraphs. */
  private text: string[] | null = null;
  private inRunProperties = false;
  private hiddenRun = false;
  private inText = false;
  private currentCellOpen = false;

  open(name: string, attribs: Record<string, string>): void {
    const tag = local(name);
    if (this.skipDepth > 0 || SKIP.has(tag)) {
      this.skipDepth++;
      return;
    }
    if (!this.openRunElement(tag, attribs)) this.openTableElement(tag, attribs);
  }

  characters(data: string): void {
    if (this.skipDepth === 0 && this.inText && this.text && !this.hiddenRun) this.text.push(data);
  }

  close(name: string): void {
    const tag = local(name);
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    switch (tag) {
      case "t":
        this.inText = false;
        break;
      case "rPr":
        this.inRunProperties = false;
        break;
      case "r":
        this.hiddenRun = false;
        break;
      case "p":
        this.finishParagraph();
        break;
      case "tc":
      case "tr":
        this.currentCellOpen = false;
        break;
      case "tbl":
        this.finishTable();
        // Back inside the enclosing cell, if any.
        this.currentCellOpen = this.tables.length > 0;
        break;
    }
  }

  /** The blocks read, with tables left open by a truncated part closed. */
  end(): Block[] {
    while (this.tables.length) this.finishTable();
    return this.blocks;
  }

  /** Paragraphs and runs: where text starts, hidden runs, tabs and breaks. False for any other tag. */
  private openRunElement(tag: string, attribs: Record<string, string>): boolean {
    const visible = this.text && !this.hiddenRun;
    switch (tag) {
      case "p":
        this.text = [];
        return true;
      case "r":
        this.hiddenRun = false;
        return true;
      case "rPr":
        this.inRunProperties = true;
        return true;
      case "vanish":
        if (this.inRunProperties && (attribs["w:val"] ?? "true") !== "false" && attribs["w:val"] !== "0") this.hiddenRun = true;
        return true;
      case "t":
        this.inText = true;
        return true;
      case "tab":
        if (!this.inRunProperties && visible) this.text!.push("\t");
        return true;
      case "br":
      case "cr":
        if (visible) this.text!.push("\n");
        return true;
      case "noBreakHyphen":
        if (visible) this.text!.push("-");
        return true;
      default:
        return false;
    }
  }

  /** Tables, rows and cells, with the offsets and merges Word records on them. */
  private openTableElement(tag: string, attribs: Record<string, string>): void {
    const table = this.tables[this.tables.length - 1];
    switch (tag) {
      case "tbl":
        this.tables.push({ rows: [], nested: false });
        break;
      case "tr":
        table?.rows.push({ cells: [], gridBefore: 0 });
        break;
      case "gridBefore": {
        const row = table?.rows[table.rows.length - 1];
        if (row && !this.currentCellOpen) row.gridBefore = intAttr(attribs, 0);
        break;
      }
      case "tc":
        table?.rows[table.rows.length - 1]?.cells.push({ items: [], gridSpan: 1, vMerge: null });
        this.currentCellOpen = true;
        break;
      case "gridSpan": {
        const cell = this.currentCell();
        if (cell) cell.gridSpan = intAttr(attribs, 1);
        break;
      }
      case "vMerge": {
        const cell = this.currentCell();
        const value = attribs["w:val"] ?? attribs.val;
        if (cell) cell.vMerge = value === "restart" ? "restart" : "continue";
        break;
      }
    }
  }

  private currentCell(): CellState | undefined {
    const table = this.tables[this.tables.length - 1];
    const row = table?.rows[table.rows.length - 1];
    return row?.cells[row.cells.length - 1];
  }

  /** A paragraph's text goes into the open cell, or becomes one paragraph block per line. */
  private finishParagraph(): void {
    const value = (this.text ?? []).join("").replace(/\t/gu, " ");
    this.text = null;
    const cell = this.currentCell();
    if (this.tables.length && cell && this.currentCellOpen) {
      cell.items.push({ kind: "text", text: value });
      return;
    }
    for (const line of value.split("\n")) {
      const t = line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/gu, "");
      if (t) this.blocks.push(paragraph(t));
    }
  }

  /** A finished table becomes a grid block, or its content when it is a layout table; nested, it goes into its cell. */
  private finishTable(): void {
    const table = this.tables.pop()!;
    const content: Block[] = table.nested ? layoutContent(table) : [gridTable(table)];
    const parent = this.currentCell();
    if (parent && this.tables.length) {
      this.tables[this.tables.length - 1]!.nested = true;
      parent.items.push({ kind: "table", block: content });
    } else this.blocks.push(...content);
  }
}

export function documentXmlToBlocks(xml: string): Block[] {
  const reader = new BodyReader();
  const parser = new Parser(
    {
      onopentag: (name, attribs) => reader.open(name, attribs),
      ontext: (data) => reader.characters(data),
      onclosetag: (name) => reader.close(name),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return reader.end();
}

export function docxToBlocks(zip: BoundedZip): Block[] {
  const name = mainPartName(zip);
  const xml = zip.text(name);
  if (xml === null) throw new Error(`missing ${name}`);
  return documentXmlToBlocks(xml);
}
