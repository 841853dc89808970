/**
 * Imports run off the request thread: each file is read in a worker thread with a time limit and a
 * heap limit, at most a few at once. A PDF whose reading grows faster than its pages, or a file built
 * to exhaust memory, ends its own worker; every other request goes on being answered meanwhile.
 */
import { Worker } from "node:worker_threads";
import type { Lang } from "@nianbao/core";
import type { ImportResult } from "@nianbao/documents";

export interface WorkerRequest {
  data: Uint8Array;
  options: { filename?: string; lang?: Lang };
}

export type WorkerReply = { ok: true; result: ImportResult } | { ok: false; refused: string } | { ok: false; failed: string };

export interface ImportLimits {
  /** Wall time for one file (the worker's start-up not included). */
  timeMs: number;
  /** The worker's old-generation heap, in MiB. */
  heapMb: number;
  /** Files read at the same time; the others wait their turn. */
  concurrency: number;
}

/** A report of a few dozen pages reads in a second or two; 30 s is far beyond any real one. */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = { timeMs: 30_000, heapMb: 512, concurrency: 2 };

/** Loading the importer in a new worker: seconds on a loaded machine, never minutes. */
const START_TIMEOUT_MS = 120_000;

/** What ended an import other than a result: the file was refused, or exceeded a limit. */
export class ImportLimitError extends Error {
  constructor(
    readonly reason: "refused" | "time" | "memory" | "failed",
    message: string,
  ) {
    super(message);
    this.name = "ImportLimitError";
  }
}

const WORKER = new URL("./import-worker.mjs", import.meta.url);

/** A worker's error as the runner reports it: out of memory, or an unexpected failure. */
function limitError(error: Error & { code?: string }, limits: ImportLimits): ImportLimitError {
  return error.code === "ERR_WORKER_OUT_OF_MEMORY"
    ? new ImportLimitError("memory", `reading the file needed over ${limits.heapMb} MiB`)
    : new ImportLimitError("failed", error.message);
}

/**
 * One worker per slot, kept warm between files (starting one costs seconds of loading), and replaced
 * after a file that ran out of time or memory.
 */
class Slot {
  private worker: Promise<Worker> | null = null;

  constructor(private readonly limits: ImportLimits) {}

  private start(): Promise<Worker> {
    const worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb }, stdout: false, stderr: false });
    worker.on("error", () => undefined);
    const started = new Promise<Worker>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error("the import worker did not start")), START_TIMEOUT_MS);
      const fail = (error: Error) => {
        clearTimeout(timer);
        void worker.terminate();
        reject(limitError(error, this.limits));
      };
      worker.once("message", () => {
        clearTimeout(timer);
        worker.off("error", fail);
        // An idle worker must not keep the process alive.
        worker.unref();
        resolve(worker);
      });
      worker.once("error", fail);
    });
    started.catch(() => {
      this.worker = null;
    });
    return started;
  }

  async run(request: WorkerRequest): Promise<ImportResult> {
    const worker = await (this.worker ??= this.start());
    return new Promise<ImportResult>((resolve, reject) => {
      const done = (fn: () => void, keep: boolean) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (!keep) {
          this.worker = null;
          void worker.terminate();
        }
        fn();
      };
      const onMessage = (reply: WorkerReply) =>
        done(() => {
          if (reply.ok) resolve(reply.result);
          else reject("refused" in reply ? new ImportLimitError("refused", reply.refused) : new ImportLimitError("failed", reply.failed));
        }, true);
      const onError = (error: Error) => done(() => reject(limitError(error, this.limits)), false);
      const onExit = (code: number) =>
        done(() => reject(new ImportLimitError("failed", `the import worker stopped (exit ${code})`)), false);
      const timer = setTimeout(
        () => done(() => reject(new ImportLimitError("time", `reading the file took over ${this.limits.timeMs / 1000} s`)), false),
        this.limits.timeMs,
      );
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.ref();
      worker.postMessage(request);
    }).finally(() => worker.unref());
  }

  async close(): Promise<void> {
    const worker = await this.worker?.catch(() => null);
    this.worker = null;
    await worker?.terminate();
  }
}

/** A fixed number of slots; a file waits for a free one. */
export class ImportRunner {
  private readonly free: Slot[];
  private readonly all: Slot[];
  private readonly waiting: ((slot: Slot) => void)[] = [];

  constructor(readonly limits: ImportLimits = DEFAULT_IMPORT_LIMITS) {
    this.all = Array.from({ length: limits.concurrency }, () => new Slot(limits));
    this.free = [...this.all];
  }

  /** Read a file in a worker under the limits. Throws ImportLimitError when it does not give a result. */
  async run(request: WorkerRequest): Promise<ImportResult> {
    const slot = this.free.pop() ?? (await new Promise<Slot>((resolve) => this.waiting.push(resolve)));
    try {
      return await slot.run(request);
    } finally {
      const next = this.waiting.shift();
      if (next) next(slot);
      else this.free.push(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((slot) => slot.close()));
  }
}
