/**
 * Reading the inputs of a command: files of any importable kind, or `-` for newline-delimited JSON
 * reports on standard input (100,000 reports need no 100,000 files). Inputs are yielded one at a
 * time so that memory stays flat however many there are.
 */
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { type Finding, isFormatVersion, type Lang } from "@nianbao/core";
import { ImportError, importReport } from "@nianbao/documents";
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
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, "")) };
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
    const imported = await importReport(bytes, { filename: file, lang, maxBytes: MAX_INPUT_BYTES });
    return { label: file, ok: true, value: imported.report, findings: imported.findings, kind: imported.kind };
  } catch (error) {
    if (error instanceof ImportError) return { label: file, ok: false, error: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? say(lang, "notFound") : (error as Error).message.split("\n")[0]!;
    return { label: file, ok: false, error: say(lang, "cannotRead", { reason }) };
  }
}

async function* readStdin(io: Io, lang: Lang): AsyncGenerator<Input> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    const label = `-:${n}`;
    const parsed = parseJson(line, lang);
    yield parsed.ok ? { label, ok: true, value: parsed.value, findings: [], kind: "json" } : { label, ...parsed };
  }
}

export async function* readInputs(files: readonly string[], io: Io, lang: Lang): AsyncGenerator<Input> {
  for (const file of files) {
    if (file === "-") yield* readStdin(io, lang);
    else yield await readFileInput(file, io, lang);
  }
}

/** A value shaped enough like a report document to be summed (the validator says the rest). */
export function isReportShaped(value: unknown): value is { formatVersion: string; year: number; tables: object } {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return isFormatVersion(v.formatVersion) && Number.isInteger(v.year) && typeof v.tables === "object" && v.tables !== null;
}
