/**
 * The editor's autosave cycle: input is kept in this browser first, then saved to the server a moment
 * after the last change, naming the revision it was typed on; a failed save is retried with growing
 * delays, a conflict or a signed-out session stops the cycle until the page resolves it.
 */
import type { ReportDocument } from "@nianbao/core";
import { clearPending, savePending } from "./persistence";

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

/** What the cycle needs of the editor it saves for. */
export interface AutosaveHost {
  readonly reportId: string;
  readonly editable: boolean;
  /** The document as it stands now. */
  document(): ReportDocument;
  /** Tell the page that what it shows of the save changed. */
  emit(): void;
}

export interface AutosaveOptions {
  /** The revision the server holds and the document at it. */
  readonly revision: number;
  readonly serverDocument: ReportDocument;
  readonly saver: Saver;
  /** Input restored from this browser was typed on an older revision: nothing is saved until resolved. */
  readonly startInConflict?: boolean;
  readonly onSignedOut?: () => void;
  /** Debounce of autosave after the last change (ms). */
  readonly saveDelay?: number;
}

const RETRY_DELAYS = [2_000, 5_000, 10_000, 30_000, 60_000];

export class Autosave {
  // The revision the next save names as its base, and the document that revision holds.
  private baseRevision: number;
  private acknowledged: ReportDocument;
  private inFlight: ReportDocument | null = null;
  private status: SaveStatus;
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
  private disposed = false;

  constructor(
    private readonly host: AutosaveHost,
    options: AutosaveOptions,
  ) {
    this.baseRevision = options.revision;
    this.acknowledged = options.serverDocument;
    this.saver = options.saver;
    this.saveDelay = options.saveDelay ?? 800;
    this.onSignedOut = options.onSignedOut;
    this.status = options.startInConflict
      ? { state: "conflict", revision: options.revision }
      : { state: "saved", revision: options.revision };
  }

  revision(): number {
    return this.baseRevision;
  }
  getStatus(): SaveStatus {
    return this.status;
  }
  /** Whether there is input the server has not acknowledged. */
  dirty(): boolean {
    return this.host.document() !== this.acknowledged;
  }
  /** Whether the browser refused to keep unsaved input (the page then warns). */
  localStorageFailed(): boolean {
    return this.localWriteFailed;
  }

  /** After a change of content: keep it in this browser first, then schedule the save. The host emits. */
  changed(): void {
    if (this.dirty()) {
      this.persist();
      if (this.status.state === "saved") this.status = { state: "pending", revision: this.baseRevision };
      if (this.status.state !== "conflict" && this.status.state !== "error") this.schedule();
    } else {
      this.cancelLocalWrite();
      clearPending(this.host.reportId);
      if (this.status.state === "pending") this.status = { state: "saved", revision: this.baseRevision };
    }
  }

  /** Continue from a newer server revision (after a conflict was resolved). */
  rebase(revision: number, serverDocument: ReportDocument): void {
    this.baseRevision = revision;
    this.acknowledged = serverDocument;
    this.status = { state: "saved", revision };
    this.failures = 0;
  }

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
      if (this.status.state === "error" || this.status.state === "conflict") return false;
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
    const failed = !savePending(this.host.reportId, this.baseRevision, this.host.document());
    if (failed !== this.localWriteFailed) {
      this.localWriteFailed = failed;
      this.host.emit();
    }
  }

  dispose(): void {
    this.writeLocalNow();
    this.disposed = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private async send(): Promise<void> {
    if (this.disposed || !this.host.editable || this.inFlight || !this.dirty() || this.status.state === "conflict") return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    // The input is in this browser before anything leaves it.
    this.writeLocalNow();
    const sent = this.host.document();
    this.inFlight = sent;
    this.setStatus({ state: "saving", revision: this.baseRevision });
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
      if (this.host.document() === sent) {
        this.cancelLocalWrite();
        clearPending(this.host.reportId);
        this.setStatus({ state: "saved", revision: outcome.revision });
      } else {
        // Typed while the save was on its way: keep it under the new base and save again.
        this.persist();
        this.setStatus({ state: "pending", revision: outcome.revision });
        this.schedule();
      }
      return;
    }
    if (outcome.kind === "conflict") {
      this.setStatus({ state: "conflict", revision: this.baseRevision });
      return;
    }
    if (outcome.kind === "signedOut") {
      this.setStatus({ state: "error", revision: this.baseRevision, message: outcome.message, retryAt: null });
      this.onSignedOut?.();
      return;
    }
    const delay = RETRY_DELAYS[Math.min(this.failures, RETRY_DELAYS.length - 1)]!;
    this.failures++;
    const retryAt = outcome.retry ? Date.now() + delay : null;
    this.setStatus({ state: "error", revision: this.baseRevision, message: outcome.message, retryAt });
    if (outcome.retry) this.retryTimer = setTimeout(() => void this.send(), delay);
  }

  private schedule(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.send();
    }, this.saveDelay);
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    this.host.emit();
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
}
