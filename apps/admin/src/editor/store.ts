/**
 * The editor's state outside React: the document being edited, its findings, undo history, computed
 * totals, the focused cell and the autosave cycle. Components subscribe to one cell or to the whole;
 * a keystroke re-renders the cells whose value or marking changed and the panels that show findings,
 * never the whole table.
 */
import {
  applyComputedTotals,
  type CellEdit,
  type CellValue,
  cellValueOf,
  type CompiledFormat,
  computedTotals,
  EMPTY_HISTORY,
  type EditHistory,
  type Finding,
  getFormat,
  type Lang,
  recordStep,
  redoStep,
  type ReportDocument,
  type SectionKey,
  undoStep,
  withCellValues,
} from "@nianbao/core";
import { type CellSeverity, chinaToday, findingsOf, keepUnchangedFindings, severityByCell } from "./findings";
import { clearPending, savePending } from "./persistence";

/** What one cell shows; a new object only when something in it changed. */
export interface CellView {
  readonly value: unknown;
  readonly severity: CellSeverity;
  readonly computed: boolean;
  readonly highlighted: boolean;
  /** The cell of its table that Tab reaches (roving tabindex: one tab stop per grid). */
  readonly tabStop: boolean;
}

export type SaveStatus =
  | { readonly state: "saved"; readonly revision: number }
  | { readonly state: "pending"; readonly revision: number }
  | { readonly state: "saving"; readonly revision: number }
  | { readonly state: "error"; readonly revision: number; readonly message: string; readonly retryAt: number | null }
  | { readonly state: "conflict"; readonly revision: number };

/** How a save went, as the page's saver reports it. */
export type SaveOutcome =
  | { readonly ok: true; readonly revision: number }
  | { readonly ok: false; readonly kind: "conflict" }
  | { readonly ok: false; readonly kind: "signedOut"; readonly message: string }
  | { readonly ok: false; readonly kind: "failed"; readonly message: string; readonly retry: boolean };

export type Saver = (baseRevision: number, document: ReportDocument) => Promise<SaveOutcome>;

export interface EditorStoreOptions {
  readonly reportId: string;
  /** The revision the server holds and the document at it. */
  readonly revision: number;
  readonly serverDocument: ReportDocument;
  /** What to edit: the server's document, or input restored from this browser. */
  readonly document: ReportDocument;
  readonly previous: ReportDocument | null;
  readonly lang: Lang;
  readonly computedOn: boolean;
  readonly editable: boolean;
  readonly saver: Saver;
  /** Input restored from this browser was typed on an older revision: nothing is saved until resolved. */
  readonly startInConflict?: boolean;
  readonly onSignedOut?: () => void;
  /** Debounce of autosave after the last change (ms). */
  readonly saveDelay?: number;
}

/** A line for the clerk about the last action (a refused paste, an undo …), read out politely. */
export interface EditorMessage {
  readonly text: string;
  readonly tone: "info" | "error";
  /** Distinguishes two equal messages in a row, so the second is announced too. */
  readonly id: number;
}

const NO_CELLS: ReadonlySet<string> = new Set();

const RETRY_DELAYS = [2_000, 5_000, 10_000, 30_000, 60_000];

export class EditorStore {
  readonly reportId: string;
  readonly format: CompiledFormat;
  readonly editable: boolean;
  readonly previous: ReportDocument | null;
  private readonly computedIds: ReadonlySet<string>;
  private lang: Lang;
  private today = chinaToday();

  private doc: ReportDocument;
  private findings: Finding[] = [];
  private severities = new Map<string, Exclude<CellSeverity, null>>();
  private history: EditHistory = EMPTY_HISTORY;
  private computedOn: boolean;
  private activeCell: string | null = null;
  private readonly tabStops = new Map<string, string>();
  private message: EditorMessage | null = null;
  private readonly elements = new Map<string, HTMLInputElement>();
  private highlighted: ReadonlySet<string> = new Set();
  private views = new Map<string, CellView>();

  // Autosave: the revision the next save names as its base, and the document that revision holds.
  private baseRevision: number;
  private acknowledged: ReportDocument;
  private inFlight: ReportDocument | null = null;
  private save: SaveStatus;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private readonly saver: Saver;
  private readonly saveDelay: number;
  private readonly onSignedOut: (() => void) | undefined;
  private localWriteFailed = false;
  /** A write of the input to localStorage is queued (coalesced: at most one per idle moment). */
  private localWriteQueued = false;
  private localWriteHandle: (() => void) | null = null;

  private readonly cellListeners = new Map<string, Set<() => void>>();
  private readonly listeners = new Set<() => void>();
  private disposed = false;

  constructor(options: EditorStoreOptions) {
    this.reportId = options.reportId;
    this.format = getFormat(options.document.formatVersion);
    this.editable = options.editable;
    this.previous = options.previous;
    this.lang = options.lang;
    this.computedIds = new Set(computedTotals(this.format.version).byId.keys());
    this.computedOn = options.computedOn;
    this.baseRevision = options.revision;
    this.acknowledged = options.serverDocument;
    this.saver = options.saver;
    this.saveDelay = options.saveDelay ?? 800;
    this.onSignedOut = options.onSignedOut;
    this.doc = this.editable && this.computedOn ? applyComputedTotals(options.document) : options.document;
    this.save = options.startInConflict ? { state: "conflict", revision: options.revision } : { state: "saved", revision: options.revision };
    for (const layout of this.format.layouts) {
      const first = layout.rows.flat().find((cell) => cell.cellId)?.cellId;
      if (first) this.tabStops.set(layout.tableId, first);
    }
    this.refresh();
    if (this.dirty()) this.changed();
  }

  // ------------------------------------------------------------------ reading

  document(): ReportDocument {
    return this.doc;
  }
  getFindings(): Finding[] {
    return this.findings;
  }
  getSave(): SaveStatus {
    return this.save;
  }
  isComputedOn(): boolean {
    return this.computedOn;
  }
  isComputed(cellId: string): boolean {
    return this.computedOn && this.computedIds.has(cellId);
  }
  computedCellIds(): ReadonlySet<string> {
    return this.computedOn ? this.computedIds : NO_CELLS;
  }
  active(): string | null {
    return this.activeCell;
  }
  cellView(cellId: string): CellView {
    return this.views.get(cellId) ?? this.viewOf(cellId);
  }
  value(cellId: string): unknown {
    return cellValueOf(this.doc, cellId);
  }
  canUndo(): boolean {
    return this.history.past.length > 0;
  }
  canRedo(): boolean {
    return this.history.future.length > 0;
  }
  revision(): number {
    return this.baseRevision;
  }
  /** Whether there is input the server has not acknowledged. */
  dirty(): boolean {
    return this.doc !== this.acknowledged;
  }
  /** Whether the browser refused to keep unsaved input (the page then warns). */
  localStorageFailed(): boolean {
    return this.localWriteFailed;
  }

  // ------------------------------------------------------------------ subscribing

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  subscribeCell(cellId: string, listener: () => void): () => void {
    let set = this.cellListeners.get(cellId);
    if (!set) this.cellListeners.set(cellId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  // ------------------------------------------------------------------ editing

  /**
   * Write cell values. `record` adds the change as one undo step, `before` giving each cell's value
   * before the action (for a typed cell: its value when editing began).
   */
  setCells(edits: readonly CellEdit[], record: { before: ReadonlyMap<string, CellValue> } | null = null): void {
    if (!this.editable) return;
    if (record) {
      this.history = recordStep(
        this.history,
        edits.map(([cellId, after]) => ({ cellId, before: record.before.get(cellId) ?? null, after })),
      );
    }
    this.apply(withCellValues(this.doc, edits));
  }

  /** Record the end of editing one cell as an undo step (its value was written live while typing). */
  recordEdit(cellId: string, before: CellValue): void {
    const after = (this.value(cellId) ?? null) as CellValue;
    const next = recordStep(this.history, [{ cellId, before, after }]);
    if (next !== this.history) {
      this.history = next;
      this.emit();
    }
  }

  setSection(key: SectionKey, text: string): void {
    if (!this.editable || this.doc.sections[key] === text) return;
    this.apply({ ...this.doc, sections: { ...this.doc.sections, [key]: text } });
  }

  undo(): readonly string[] | null {
    const move = undoStep(this.history);
    if (!move || !this.editable) return null;
    this.history = move.history;
    this.apply(withCellValues(this.doc, move.edits));
    return move.cells;
  }

  redo(): readonly string[] | null {
    const move = redoStep(this.history);
    if (!move || !this.editable) return null;
    this.history = move.history;
    this.apply(withCellValues(this.doc, move.edits));
    return move.cells;
  }

  setComputedOn(on: boolean): void {
    if (on === this.computedOn) return;
    this.computedOn = on;
    if (on && this.editable) this.apply(applyComputedTotals(this.doc));
    else this.refresh();
    this.emit();
  }

  /** The focused cell: it becomes its table's tab stop and the cell the side panel describes. */
  setActive(cellId: string | null): void {
    if (cellId === this.activeCell) return;
    const touched: (string | null)[] = [cellId];
    if (cellId) {
      const table = this.format.cellById.get(cellId)?.table;
      if (table) {
        touched.push(this.tabStops.get(table) ?? null);
        this.tabStops.set(table, cellId);
      }
    }
    this.activeCell = cellId;
    this.updateViews(touched);
    this.emit();
  }

  getMessage(): EditorMessage | null {
    return this.message;
  }

  say(text: string, tone: EditorMessage["tone"] = "info"): void {
    this.message = { text, tone, id: (this.message?.id ?? 0) + 1 };
    this.emit();
  }

  /** Cell inputs register here so that keys, findings and undo can move the focus to a cell. */
  registerElement(cellId: string, element: HTMLInputElement | null): void {
    if (element) this.elements.set(cellId, element);
    else this.elements.delete(cellId);
  }

  focusCell(cellId: string, options: { select?: boolean } = {}): boolean {
    const element = this.elements.get(cellId);
    if (!element) return false;
    this.setActive(cellId);
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: "nearest", inline: "nearest" });
    if (options.select !== false) element.select();
    return true;
  }

  /** Mark the cells of a finding (clicked in the list, or reached with F8). */
  highlight(cells: readonly string[]): void {
    const before = this.highlighted;
    this.highlighted = new Set(cells);
    this.updateViews([...before, ...cells]);
    this.emit();
  }

  setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.refresh();
    this.emit();
  }

  /** A new document on top of a newer server revision (after a conflict was resolved). */
  rebase(revision: number, serverDocument: ReportDocument, document: ReportDocument): void {
    this.baseRevision = revision;
    this.acknowledged = serverDocument;
    this.history = EMPTY_HISTORY;
    this.save = { state: "saved", revision };
    this.failures = 0;
    this.doc = this.computedOn ? applyComputedTotals(document) : document;
    this.refresh();
    this.changed();
    this.flush();
  }

  // ------------------------------------------------------------------ autosave

  /** Save now (leaving a cell, the retry button, before submitting). */
  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    void this.send();
  }

  /** Resolves once nothing is waiting to be saved (or a save failed). */
  async settle(): Promise<boolean> {
    this.flush();
    for (let i = 0; i < 600 && !this.disposed; i++) {
      if (!this.dirty() && !this.inFlight) return true;
      if (this.save.state === "error" || this.save.state === "conflict") return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return !this.dirty();
  }

  /**
   * Write queued input to localStorage now. Called before every save is sent, and by the page when it
   * is hidden or unloaded (a reload, a closed tab), so the coalescing never loses a keystroke there.
   */
  writeLocalNow(): void {
    this.localWriteHandle?.();
    this.localWriteHandle = null;
    if (!this.localWriteQueued) return;
    this.localWriteQueued = false;
    if (!this.dirty()) return;
    const failed = !savePending(this.reportId, this.baseRevision, this.doc);
    if (failed !== this.localWriteFailed) {
      this.localWriteFailed = failed;
      this.emit();
    }
  }

  dispose(): void {
    this.writeLocalNow();
    this.disposed = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private async send(): Promise<void> {
    if (this.disposed || !this.editable || this.inFlight || !this.dirty() || this.save.state === "conflict") return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    // The input is in this browser before anything leaves it.
    this.writeLocalNow();
    const sent = this.doc;
    this.inFlight = sent;
    this.setSave({ state: "saving", revision: this.baseRevision });
    let outcome: SaveOutcome;
    try {
      outcome = await this.saver(this.baseRevision, sent);
    } catch (error) {
      outcome = { ok: false, kind: "failed", message: error instanceof Error ? error.message : String(error), retry: true };
    }
    this.inFlight = null;
    if (this.disposed) return;
    if (outcome.ok) {
      this.failures = 0;
      this.baseRevision = outcome.revision;
      this.acknowledged = sent;
      if (this.doc === sent) {
        this.cancelLocalWrite();
        clearPending(this.reportId);
        this.setSave({ state: "saved", revision: outcome.revision });
      } else {
        // Typed while the save was on its way: keep it under the new base and save again.
        this.persist();
        this.setSave({ state: "pending", revision: outcome.revision });
        this.schedule();
      }
      return;
    }
    if (outcome.kind === "conflict") {
      this.setSave({ state: "conflict", revision: this.baseRevision });
      return;
    }
    if (outcome.kind === "signedOut") {
      this.setSave({ state: "error", revision: this.baseRevision, message: outcome.message, retryAt: null });
      this.onSignedOut?.();
      return;
    }
    const delay = RETRY_DELAYS[Math.min(this.failures, RETRY_DELAYS.length - 1)]!;
    this.failures++;
    const retryAt = outcome.retry ? Date.now() + delay : null;
    this.setSave({ state: "error", revision: this.baseRevision, message: outcome.message, retryAt });
    if (outcome.retry) this.retryTimer = setTimeout(() => void this.send(), delay);
  }

  private schedule(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.send();
    }, this.saveDelay);
  }

  private setSave(status: SaveStatus): void {
    this.save = status;
    this.emit();
  }

  // ------------------------------------------------------------------ internals

  private apply(next: ReportDocument): void {
    const doc = this.computedOn ? applyComputedTotals(next) : next;
    if (doc === this.doc) return;
    this.doc = doc;
    this.refresh();
    this.changed();
  }

  /** After a change of content: keep it in this browser first, then schedule the save. */
  private changed(): void {
    if (this.dirty()) {
      this.persist();
      if (this.save.state === "saved") this.save = { state: "pending", revision: this.baseRevision };
      if (this.save.state !== "conflict" && this.save.state !== "error") this.schedule();
    } else {
      this.cancelLocalWrite();
      clearPending(this.reportId);
      if (this.save.state === "pending") this.save = { state: "saved", revision: this.baseRevision };
    }
    this.emit();
  }

  /**
   * Keep the input in this browser. Serialising the whole report on every keystroke would sit between
   * the key and the screen, so the write is queued for the next idle moment (at most 250 ms later) and
   * forced earlier by `writeLocalNow` — before a save is sent and when the page is hidden or unloaded.
   */
  private persist(): void {
    if (this.localWriteQueued) return;
    this.localWriteQueued = true;
    if (typeof window === "undefined") return;
    const run = () => {
      this.localWriteHandle = null;
      this.writeLocalNow();
    };
    if (typeof window.requestIdleCallback === "function") {
      const handle = window.requestIdleCallback(run, { timeout: 250 });
      this.localWriteHandle = () => window.cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(run, 50);
      this.localWriteHandle = () => clearTimeout(handle);
    }
  }

  private cancelLocalWrite(): void {
    this.localWriteHandle?.();
    this.localWriteHandle = null;
    this.localWriteQueued = false;
  }

  /** Findings and cell views from the current document (validated once per change, never per render). */
  private refresh(): void {
    const findings = findingsOf(this.doc, this.previous, this.lang, this.today);
    // Unchanged findings keep their objects, so the list re-renders only the items that changed.
    this.findings = keepUnchangedFindings(this.findings, findings);
    this.severities = severityByCell(this.findings);
    this.updateViews(null);
  }

  private viewOf(cellId: string): CellView {
    return {
      value: cellValueOf(this.doc, cellId),
      severity: this.severities.get(cellId) ?? null,
      computed: this.computedOn && this.computedIds.has(cellId),
      highlighted: this.highlighted.has(cellId),
      tabStop: this.tabStops.get(this.format.cellById.get(cellId)?.table ?? "") === cellId,
    };
  }

  /** Rebuild the views of `cellIds` (all cells when null) and notify the cells whose view changed. */
  private updateViews(cellIds: readonly (string | null)[] | null): void {
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
    for (const id of changed) for (const listener of this.cellListeners.get(id) ?? []) listener();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
