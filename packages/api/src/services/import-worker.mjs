// The import worker's entry. A worker thread does not inherit the parent's TypeScript loader (Node 20),
// so it registers tsx itself before loading the worker's body.
import { register } from "tsx/esm/api";

register();
await import("./import-worker.ts");
