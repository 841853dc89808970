/**
 * HTML to blocks, for reports as published on government sites: the report sits among navigation,
 * scripts, inline styles and layout tables. htmlparser2 builds a tolerant tree (broken markup and
 * entities included); this walk keeps paragraphs and data tables and drops the rest.
 */
import { parseDocument } from "htmlparser2";
import { type Block, paragraph, type SourceCell } from "../blocks";

/** The part of htmlparser2's DOM nodes this walk reads. */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

/** Elements whose content is never report text. */
const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "nav",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "select",
  "option",
  "button",
  "textarea",
  "input",
  "map",
  "audio",
  "video",
]);

/** Elements that end a paragraph. */
const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "aside",
  "header",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "blockquote",
  "pre",
  "center",
  "address",
  "figure",
  "figcaption",
  "caption",
  "hr",
  "form",
  "fieldset",
  "table",
  "tr",
  "td",
  "th",
  "tbody",
  "thead",
  "tfoot",
  "body",
  "html",
]);

const CJK = String.raw`\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF`;
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) +(?=[${CJK}])`, "gu");

/** HTML whitespace rules: runs collapse to one space; a space between two CJK characters was a line wrap. */
function collapse(text: string): string {
  return text.replace(/[ \t\r\n\f]+/gu, " ").replace(SPACE_BETWEEN_CJK, "");
}

function hidden(node: DomNode): boolean {
  const attribs = node.attribs ?? {};
  if ("hidden" in attribs) return true;
  const style = (attribs.style ?? "").toLowerCase().replace(/\s+/gu, "");
  return style.includes("display:none") || style.includes("visibility:hidden");
}

function skipped(node: DomNode): boolean {
  return node.type === "script" || node.type === "style" || (node.type === "tag" && (SKIP.has(node.name!) || hidden(node)));
}

function elements(node: DomNode, name: string): DomNode[] {
  return (node.children ?? []).filter((child) => child.type === "tag" && child.name === name);
}

/** The rows of a table: its own <tr>, directly or inside thead/tbody/tfoot, never those of a nested table. */
function tableRows(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const child of table.children ?? []) {
    if (child.type !== "tag") continue;
    if (child.name === "tr") rows.push(child);
    else if (child.name === "thead" || child.name === "tbody" || child.name === "tfoot") rows.push(...elements(child, "tr"));
  }
  return rows;
}

function rowCells(row: DomNode): DomNode[] {
  return (row.children ?? []).filter((child) => child.type === "tag" && (child.name === "td" || child.name === "th"));
}

function containsTable(node: DomNode): boolean {
  return (node.children ?? []).some((child) => child.type === "tag" && (child.name === "table" || containsTable(child)));
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? "1", 10);
  // Browsers clamp spans too (colspan ≤ 1000, rowspan ≤ 65534); a huge span is a broken page.
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** The text of a table cell: line breaks where <br> or a block element stood. */
function cellText(node: DomNode): string {
  const parts: string[] = [];
  const walk = (n: DomNode) => {
    if (skipped(n)) return;
    if (n.type === "text") parts.push(collapse(n.data ?? ""));
    else if (n.type === "tag" && n.name === "br") parts.push("\n");
    else if (n.type === "tag") {
      const block = BLOCK.has(n.name!);
      if (block) parts.push("\n");
      for (const child of n.children ?? []) walk(child);
      if (block) parts.push("\n");
    }
  };
  for (const child of node.children ?? []) walk(child);
  return parts
    .join("")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
}

class Walker {
  readonly blocks: Block[] = [];
  private text = "";

  flush(): void {
    for (const line of this.text.split("\n")) {
      const t = line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/gu, "");
      if (t) this.blocks.push(paragraph(t));
    }
    this.text = "";
  }

  walk(node: DomNode): void {
    if (skipped(node)) return;
    if (node.type === "text") {
      this.text += collapse(node.data ?? "");
      return;
    }
    if (node.type !== "tag" && node.type !== "root") return;
    if (node.name === "br") {
      this.text += "\n";
      return;
    }
    if (node.name === "table") {
      this.flush();
      this.table(node);
      return;
    }
    const block = node.type === "tag" && BLOCK.has(node.name!);
    if (block) this.flush();
    for (const child of node.children ?? []) this.walk(child);
    if (block) this.flush();
  }

  /** A data table becomes a table block; a layout table (nesting tables, or one cell a row) a container. */
  private table(node: DomNode): void {
    const rows = tableRows(node);
    const layout = containsTable(node) || rows.every((row) => rowCells(row).length <= 1);
    if (layout) {
      for (const row of rows) {
        for (const cell of rowCells(row)) {
          for (const child of cell.children ?? []) this.walk(child);
          this.flush();
        }
      }
      return;
    }
    const out: SourceCell[][] = rows.map((row) =>
      rowCells(row).map((cell) => ({
        text: cellText(cell),
        rowspan: span(cell.attribs?.rowspan),
        colspan: span(cell.attribs?.colspan),
      })),
    );
    this.blocks.push({ kind: "table", geometry: "grid", rows: out });
  }
}

function pageTitle(root: DomNode): string | null {
  const find = (node: DomNode): DomNode | null => {
    if (node.type === "tag" && node.name === "title") return node;
    for (const child of node.children ?? []) {
      const hit = find(child);
      if (hit) return hit;
    }
    return null;
  };
  const title = find(root);
  const text = title ? collapse((title.children ?? []).map((c) => c.data ?? "").join("")).trim() : "";
  return text || null;
}

export function htmlToBlocks(html: string): Block[] {
  const root = parseDocument(html, { decodeEntities: true }) as unknown as DomNode;
  const walker = new Walker();
  const title = pageTitle(root);
  if (title) walker.blocks.push(paragraph(title, "pageTitle"));
  walker.walk(root);
  walker.flush();
  return walker.blocks;
}
