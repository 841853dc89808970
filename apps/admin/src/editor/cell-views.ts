/**
 * What each cell of the grid shows, kept per cell so that a change re-renders only the cells whose
 * value or marking changed: a cell subscribes to its own view, never to the whole document.
 */
import type { CompiledFormat } from "@nianbao/core";
import type { CellSeverity } from "./findings";

/** What one cell shows; a new object only when something in it changed. */
export interface CellView {
  readonly value: unknown;
  readonly severity: CellSeverity;
  readonly computed: boolean;
  readonly highlighted: boolean;
  /** The cell of its table that Tab reaches (roving tabindex: one tab stop per grid). */
  readonly tabStop: boolean;
}

/** The part of a cell's view that comes from the document and its findings. */
type CellContent = Pick<CellView, "value" | "severity" | "computed">;

export class CellViews {
  private views = new Map<string, CellView>();
  private readonly tabStops = new Map<string, string>();
  private highlighted: ReadonlySet<string> = new Set();
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(
    private readonly format: CompiledFormat,
    private readonly contentOf: (cellId: string) => CellContent,
  ) {
    for (const layout of format.layouts) {
      const first = layout.rows.flat().find((cell) => cell.cellId)?.cellId;
      if (first) this.tabStops.set(layout.tableId, first);
    }
  }

  get(cellId: string): CellView {
    return this.views.get(cellId) ?? this.viewOf(cellId);
  }

  subscribe(cellId: string, listener: () => void): () => void {
    let set = this.listeners.get(cellId);
    if (!set) this.listeners.set(cellId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** The focused cell becomes its table's tab stop. */
  setTabStop(cellId: string | null): void {
    const touched: (string | null)[] = [cellId];
    if (cellId) {
      const table = this.format.cellById.get(cellId)?.table;
      if (table) {
        touched.push(this.tabStops.get(table) ?? null);
        this.tabStops.set(table, cellId);
      }
    }
    this.update(touched);
  }

  /** Mark the cells of a finding (clicked in the list, or reached with F8). */
  highlight(cells: readonly string[]): void {
    const before = this.highlighted;
    this.highlighted = new Set(cells);
    this.update([...before, ...cells]);
  }

  /** Rebuild the views of `cellIds` (all cells when null) and notify the cells whose view changed. */
  update(cellIds: readonly (string | null)[] | null): void {
    const ids = cellIds ?? this.format.cells.map((c) => c.id);
    const changed: string[] = [];
    for (const id of ids) {
      if (!id) continue;
      const next = this.viewOf(id);
      const prev = this.views.get(id);
      if (
        prev &&
        Object.is(prev.value, next.value) &&
        prev.severity === next.severity &&
        prev.computed === next.computed &&
        prev.highlighted === next.highlighted &&
        prev.tabStop === next.tabStop
      ) {
        continue;
      }
      this.views.set(id, next);
      changed.push(id);
    }
    for (const id of changed) for (const listener of this.listeners.get(id) ?? []) listener();
  }

  private viewOf(cellId: string): CellView {
    return {
      ...this.contentOf(cellId),
      highlighted: this.highlighted.has(cellId),
      tabStop: this.tabStops.get(this.format.cellById.get(cellId)?.table ?? "") === cellId,
    };
  }
}
