/**
 * Reading the inputs of a command: files of any importable kind, or `-` for newline-delimited JSON
 * reports on standard input (100,000 reports need no 100,000 files). Inputs are yielded one at a
 * time so that memory stays flat however many there are.
 */
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { type Finding, isFormatVersion, type Lang } from "@nianbao/core";
import type { Io } from "./io";
import { humanSize, say } from "./messages";

/** Files larger than this are refused before they are read. */
const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export type Input =
  { label: string; ok: true; value: unknown; findings: Finding[]; kind: string } | { label: string; ok: false; error: string };

const UTF8 = new TextDecoder("utf-8");

function looksLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b; // { or [
}

function parseJson(text: string, lang: Lang): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (error) {
    return { ok: false, error: say(lang, "badJson", { reason: (error as Error).message.split("\n")[0]! }) };
  }
}

export async function readFileInput(file: string, io: Io, lang: Lang): Promise<Input> {
  const path = resolve(io.cwd, file);
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { label: file, ok: false, error: say(lang, "cannotRead", { reason: say(lang, "isDirectory") }) };
    if (info.size > MAX_INPUT_BYTES) {
      return { label: file, ok: false, error: say(lang, "tooLarge", { size: humanSize(info.size), limit: humanSize(MAX_INPUT_BYTES) }) };
    }
    const bytes = new Uint8Array(await readFile(path));
    if (looksLikeJson(bytes)) {
      const parsed = parseJson(UTF8.decode(bytes), lang);
      return parsed.ok ? { label: file, ok: true, value: parsed.value, findings: [], kind: "json" } : { label: file, ...parsed };
    }
    // Loaded here, not on start: the importers' libraries (Word, PDF, Excel) are slow to load, and
    // a stream of JSON reports never needs them.
    const { ImportError, importReport } = await import("@nianbao/documents");
    try {
      const imported = await importReport(bytes, { filename: file, lang, maxBytes: MAX_INPUT_BYTES });
      return { label: file, ok: true, value: imported.report, findings: imported.findings, kind: imported.kind };
    } catch (error) {
      if (error instanceof ImportError) return { label: file, ok: false, error: error.message };
      throw error;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? say(lang, "notFound") : (error as Error).message.split("\n")[0]!;
    return { label: file, ok: false, error: say(lang, "cannotRead", { reason }) };
  }
}

/** Adds the lines of a piece of text that holds no LF: a lone CR ends a line too, as in readline. */
function pushLines(text: string, lines: string[]): void {
  if (text.includes("\r")) lines.push(...text.split("\r"));
  else lines.push(text);
}

/**
 * The lines of a stream, a chunk's worth at a time, split as readline splits them (LF, CR LF or a
 * lone CR), but with indexOf on each decoded chunk: readline's per-line events and line-break
 * regular expression cost as much as parsing the reports.
 */
export async function* lineBatches(stream: AsyncIterable<string | Uint8Array>): AsyncGenerator<string[]> {
  // A BOM stays in the first line, as readline leaves it (parseJson takes it off).
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let rest = "";
  for await (const chunk of stream) {
    const text = rest + (typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    const lines: string[] = [];
    let start = 0;
    for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
      // A CR just before the LF is part of the line break.
      pushLines(text.slice(start, text.charCodeAt(end - 1) === 0x0d && end > start ? end - 1 : end), lines);
      start = end + 1;
    }
    rest = text.slice(start);
    // Lone CRs before the last character end lines now; a CR at the very end may be half a CR LF.
    const cr = rest.length > 1 ? rest.lastIndexOf("\r", rest.length - 2) : -1;
    if (cr >= 0) {
      pushLines(rest.slice(0, cr), lines);
      rest = rest.slice(cr + 1);
    }
    if (lines.length) yield lines;
  }
  rest += decoder.decode();
  if (rest) {
    const lines: string[] = [];
    pushLines(rest.endsWith("\r") ? rest.slice(0, -1) : rest, lines);
    yield lines;
  }
}

/** Standard input as NDJSON, one batch of inputs for each chunk read. */
async function* readStdin(io: Io, lang: Lang): AsyncGenerator<Input[]> {
  let n = 0;
  for await (const lines of lineBatches(io.stdin)) {
    const inputs: Input[] = [];
    for (const line of lines) {
      n++;
      if (!line.trim()) continue;
      const label = `-:${n}`;
      const parsed = parseJson(line, lang);
      inputs.push(parsed.ok ? { label, ok: true, value: parsed.value, findings: [], kind: "json" } : { label, ...parsed });
    }
    if (inputs.length) yield inputs;
  }
}

/**
 * The inputs in batches: a file alone, standard input a chunk's worth of lines at a time (a command
 * summing 100,000 reports then pays for one await per chunk, not one per report).
 */
export async function* readInputBatches(files: readonly string[], io: Io, lang: Lang): AsyncGenerator<Input[]> {
  for (const file of files) {
    if (file === "-") yield* readStdin(io, lang);
    else yield [await readFileInput(file, io, lang)];
  }
}

export async function* readInputs(files: readonly string[], io: Io, lang: Lang): AsyncGenerator<Input> {
  for await (const batch of readInputBatches(files, io, lang)) yield* batch;
}

/** A value shaped enough like a report document to be summed (the validator says the rest). */
export function isReportShaped(value: unknown): value is { formatVersion: string; year: number; tables: object } {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return isFormatVersion(v.formatVersion) && Number.isInteger(v.year) && typeof v.tables === "object" && v.tables !== null;
}
