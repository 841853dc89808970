/**
 * The import worker's body: files in, the importer's result (or its refusal) out, one at a time. It
 * runs in a worker thread with its own heap (import-runner.ts), so a hostile file costs that thread,
 * never the server's event loop or memory.
 */
import { parentPort } from "node:worker_threads";
import { ImportError, importReport } from "@nianbao/documents";
import type { WorkerReply, WorkerRequest } from "./import-runner";

parentPort!.on("message", async (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { ok: true, result: await importReport(request.data, request.options) };
  } catch (error) {
    reply = error instanceof ImportError ? { ok: false, refused: error.message } : { ok: false, failed: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});

// Loaded: the runner starts a file's clock only from here, so start-up never counts against a file.
parentPort!.postMessage({ ready: true });
