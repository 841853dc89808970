/**
 * Word (.docx) to blocks, read from the OOXML itself: the main document part streamed through
 * htmlparser2 in XML mode. Tables keep Word's own merges — `w:gridSpan` (columns) and `w:vMerge`
 * restart/continue (rows), plus `w:gridBefore` offsets — so they reach the assembler as the grid the
 * author drew. A table that nests tables is a layout table: its cells' content is read in order.
 */
import { Parser } from "htmlparser2";
import { type Block, paragraph, type SourceCell, type TableBlock } from "../blocks";
import type { BoundedZip } from "../zip";

const MAIN_PART = /wordprocessingml\.(?:document|template)(?:\.macroEnabled)?\.main\+xml|ms-word\.(?:document|template)\.macroEnabledTemplate\.main\+xml/u;

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
const SKIP = new Set(["Fallback", "del", "moveFrom", "delText", "instrText", "drawing", "pict", "object", "txbxContent", "footnotePr", "endnotePr"]);

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

export function documentXmlToBlocks(xml: string): Block[] {
  const blocks: Block[] = [];
  const tables: TableState[] = [];
  let skipDepth = 0;
  let text: string[] | null = null;
  let inRunProperties = false;
  let hiddenRun = false;
  let inText = false;
  let currentCellOpen = false;

  const currentCell = (): CellState | undefined => {
    const table = tables[tables.length - 1];
    const row = table?.rows[table.rows.length - 1];
    return row?.cells[row.cells.length - 1];
  };

  const finishTable = () => {
    const table = tables.pop()!;
    const content: Block[] = table.nested ? layoutContent(table) : [gridTable(table)];
    const parent = currentCell();
    if (parent && tables.length) {
      tables[tables.length - 1]!.nested = true;
      parent.items.push({ kind: "table", block: content });
    } else blocks.push(...content);
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const tag = local(name);
        if (skipDepth > 0 || SKIP.has(tag)) {
          skipDepth++;
          return;
        }
        switch (tag) {
          case "p":
            text = [];
            break;
          case "r":
            hiddenRun = false;
            break;
          case "rPr":
            inRunProperties = true;
            break;
          case "vanish":
            if (inRunProperties && (attribs["w:val"] ?? "true") !== "false" && attribs["w:val"] !== "0") hiddenRun = true;
            break;
          case "t":
            inText = true;
            break;
          case "tab":
            if (!inRunProperties && text && !hiddenRun) text.push("\t");
            break;
          case "br":
          case "cr":
            if (text && !hiddenRun) text.push("\n");
            break;
          case "noBreakHyphen":
            if (text && !hiddenRun) text.push("-");
            break;
          case "tbl":
            tables.push({ rows: [], nested: false });
            break;
          case "tr":
            tables[tables.length - 1]?.rows.push({ cells: [], gridBefore: 0 });
            break;
          case "gridBefore": {
            const table = tables[tables.length - 1];
            const row = table?.rows[table.rows.length - 1];
            if (row && !currentCellOpen) row.gridBefore = intAttr(attribs, 0);
            break;
          }
          case "tc": {
            const table = tables[tables.length - 1];
            table?.rows[table.rows.length - 1]?.cells.push({ items: [], gridSpan: 1, vMerge: null });
            currentCellOpen = true;
            break;
          }
          case "gridSpan": {
            const cell = currentCell();
            if (cell) cell.gridSpan = intAttr(attribs, 1);
            break;
          }
          case "vMerge": {
            const cell = currentCell();
            const value = attribs["w:val"] ?? attribs.val;
            if (cell) cell.vMerge = value === "restart" ? "restart" : "continue";
            break;
          }
        }
      },
      ontext(data) {
        if (skipDepth === 0 && inText && text && !hiddenRun) text.push(data);
      },
      onclosetag(name) {
        const tag = local(name);
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        switch (tag) {
          case "t":
            inText = false;
            break;
          case "rPr":
            inRunProperties = false;
            break;
          case "r":
            hiddenRun = false;
            break;
          case "p": {
            const value = (text ?? []).join("").replace(/\t/gu, " ");
            text = null;
            const cell = currentCell();
            if (tables.length && cell && currentCellOpen) cell.items.push({ kind: "text", text: value });
            else {
              for (const line of value.split("\n")) {
                const t = line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/gu, "");
                if (t) blocks.push(paragraph(t));
              }
            }
            break;
          }
          case "tc":
            currentCellOpen = false;
            break;
          case "tr":
            currentCellOpen = false;
            break;
          case "tbl":
            finishTable();
            // Back inside the enclosing cell, if any.
            currentCellOpen = tables.length > 0;
            break;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  while (tables.length) finishTable();
  return blocks;
}

export function docxToBlocks(zip: BoundedZip): Block[] {
  const name = mainPartName(zip);
  const xml = zip.text(name);
  if (xml === null) throw new Error(`missing ${name}`);
  return documentXmlToBlocks(xml);
}
