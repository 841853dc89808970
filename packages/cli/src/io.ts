/**
 * The command's view of the outside world, so that tests can run commands in-process with captured
 * output, and the binary wires it to the real process.
 */
import type { Readable } from "node:stream";

export interface Io {
  stdin: Readable;
  stdout: { write(chunk: string | Uint8Array): unknown };
  stderr: { write(chunk: string): unknown };
  /** Where relative paths are resolved from (the user's directory, also under `pnpm nianbao`). */
  cwd: string;
  /** The environment (DATABASE_URL); process.env when not given. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A problem that ends the command with exit code 2 and one line on stderr (never a stack trace). */
export class UsageError extends Error {}

export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}
