/**
 * Changing cells of a document without copying all of it: only the objects on each changed cell's
 * path are new, so an editor can keep every state (for undo, for saving, for comparing) cheaply and
 * tell changed rows from unchanged ones by identity.
 */
import { getFormat } from "../formats/index";
import type { ReportDocument } from "../schema/document";
import { readRawCell, type CellValue } from "../schema/values";

/** One cell's new value. */
export type CellEdit = readonly [cellId: string, value: CellValue];

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The document with `edits` applied (later edits of the same cell win). Returns `doc` itself when no
 * value changes. Throws on a cell id the document's format does not have: that is a caller's bug.
 */
export function withCellValues<D extends Pick<ReportDocument, "formatVersion" | "tables">>(doc: D, edits: Iterable<CellEdit>): D {
  const format = getFormat(doc.formatVersion);
  let tables = doc.tables as unknown as Node;
  // Objects already copied in this call, so several edits in one row copy the row once.
  const fresh = new Set<Node>();
  const own = (node: unknown): Node => {
    if (isNode(node) && fresh.has(node)) return node;
    const copy: Node = isNode(node) ? { ...node } : {};
    fresh.add(copy);
    return copy;
  };
  for (const [cellId, value] of edits) {
    const cell = format.cellById.get(cellId);
    if (!cell) throw new RangeError(`no cell ${cellId} in the ${format.version} format`);
    if (Object.is(readRawCell(tables, cell), value)) continue;
    tables = own(tables);
    let node = tables;
    for (const key of cell.path.slice(0, -1)) {
      const child = own(node[key]);
      node[key] = child;
      node = child;
    }
    node[cell.path[cell.path.length - 1]!] = value;
  }
  return tables === (doc.tables as unknown) ? doc : { ...doc, tables: tables as unknown as D["tables"] };
}

/** The value of one cell (undefined when the document lacks it). */
export function cellValueOf(doc: Pick<ReportDocument, "formatVersion" | "tables">, cellId: string): unknown {
  const cell = getFormat(doc.formatVersion).cellById.get(cellId);
  return cell ? readRawCell(doc.tables, cell) : undefined;
}
