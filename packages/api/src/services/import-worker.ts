/**
 * The import worker's body: files in, the importer's result (or its refusal) out, one at a time. It
 * runs in a worker thread with its own heap (import-runner.ts), so a hostile file costs that thread,
 * never the server's event loop or memory.
 */
import { parentPort } from "node:worker_threads";
import { ImportError, importReport } from "@nianbao/documents";
import type { WorkerReply, WorkerRequest } from "./import-runner";

const port = parentPort;
if (!port) throw new Error("import-worker.ts runs only as a worker thread (see import-runner.ts)");

async function answer(request: WorkerRequest): Promise<WorkerReply> {
  try {
    return { ok: true, result: await importReport(request.data, request.options) };
  } catch (error) {
    return error instanceof ImportError
      ? { ok: false, refused: error.message }
      : { ok: false, failed: error instanceof Error ? error.message : String(error) };
  }
}

// `answer` never rejects, so the message handler has no promise to lose.
port.on("message", (request: WorkerRequest) => void answer(request).then((reply) => port.postMessage(reply)));

// Loaded: the runner starts a file's clock only from here, so start-up never counts against a file.
port.postMessage({ ready: true });
