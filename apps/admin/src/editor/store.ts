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
import { Autosave, type AutosaveOptions, type SaveStatus } from "./autosave";
import { type CellView, CellViews } from "./cell-views";
import { type CellSeverity, chinaToday, findingsOf, keepUnchangedFindings, severityByCell } from "./findings";

interface EditorStoreOptions extends AutosaveOptions {
  readonly reportId: string;
  /** What to edit: the server's document, or input restored from this browser. */
  readonly document: ReportDocument;
  readonly previous: ReportDocument | null;
  readonly lang: Lang;
  readonly computedOn: boolean;
  readonly editable: boolean;
}

/** A line for the clerk about the last action (a refused paste, an undo …), read out politely. */
export interface EditorMessage {
  readonly text: string;
  readonly tone: "info" | "error";
  /** Distinguishes two equal messages in a row, so the second is announced too. */
  readonly id: number;
}

const NO_CELLS: ReadonlySet<string> = new Set();

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
  private message: EditorMessage | null = null;
  private readonly elements = new Map<string, HTMLInputElement>();
  private readonly views: CellViews;
  private readonly autosave: Autosave;
  private readonly listeners = new Set<() => void>();

  constructor(options: EditorStoreOptions) {
    this.reportId = options.reportId;
    this.format = getFormat(options.document.formatVersion);
    this.editable = options.editable;
    this.previous = options.previous;
    this.lang = options.lang;
    this.computedIds = new Set(computedTotals(this.format.version).byId.keys());
    this.computedOn = options.computedOn;
    this.doc = this.editable && this.computedOn ? applyComputedTotals(options.document) : options.document;
    this.autosave = new Autosave(
      { reportId: this.reportId, editable: this.editable, document: () => this.doc, emit: () => this.emit() },
      options,
    );
    this.views = new CellViews(this.format, (cellId) => ({
      value: cellValueOf(this.doc, cellId),
      severity: this.severities.get(cellId) ?? null,
      computed: this.isComputed(cellId),
    }));
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
    return this.autosave.getStatus();
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
    return this.views.get(cellId);
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
    return this.autosave.revision();
  }
  /** Whether there is input the server has not acknowledged. */
  dirty(): boolean {
    return this.autosave.dirty();
  }
  /** Whether the browser refused to keep unsaved input (the page then warns). */
  localStorageFailed(): boolean {
    return this.autosave.localStorageFailed();
  }

  // ------------------------------------------------------------------ subscribing

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  subscribeCell(cellId: string, listener: () => void): () => void {
    return this.views.subscribe(cellId, listener);
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

  /** Undo the last step; the cells it changed, or null when there was nothing to undo. */
  undo(): readonly string[] | null {
    return this.step(undoStep(this.history));
  }

  redo(): readonly string[] | null {
    return this.step(redoStep(this.history));
  }

  private step(move: ReturnType<typeof undoStep>): readonly string[] | null {
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
    this.activeCell = cellId;
    this.views.setTabStop(cellId);
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
    this.views.highlight(cells);
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
    this.autosave.rebase(revision, serverDocument);
    this.history = EMPTY_HISTORY;
    this.doc = this.computedOn ? applyComputedTotals(document) : document;
    this.refresh();
    this.changed();
    this.flush();
  }

  // ------------------------------------------------------------------ autosave

  /** Save now (leaving a cell, the retry button, before submitting). */
  flush(): void {
    this.autosave.flush();
  }

  /** Resolves once nothing is waiting to be saved (or a save failed). */
  settle(): Promise<boolean> {
    return this.autosave.settle();
  }

  /** Keep unsaved input in this browser now (the page is hidden or unloaded). */
  writeLocalNow(): void {
    this.autosave.writeLocalNow();
  }

  dispose(): void {
    this.autosave.dispose();
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
    this.autosave.changed();
    this.emit();
  }

  /** Findings and cell views from the current document (validated once per change, never per render). */
  private refresh(): void {
    const findings = findingsOf(this.doc, this.previous, this.lang, this.today);
    // Unchanged findings keep their objects, so the list re-renders only the items that changed.
    this.findings = keepUnchangedFindings(this.findings, findings);
    this.severities = severityByCell(this.findings);
    this.views.update(null);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
