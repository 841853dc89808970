/**
 * What kind of file this is, from its content: magic bytes, the entries of a zip, the markup of a text.
 * The file name only breaks ties between text-like kinds (a .json that does not parse, a .html that
 * has no tags yet).
 */
import { decodeText } from "./decode";
import type { ImportErrorReason } from "./errors";
import { isZip, readDirectory, ZipProblem } from "./zip";

export type SourceKind = "docx" | "pdf" | "html" | "xlsx" | "text" | "json";

export type Sniffed =
  { readonly kind: SourceKind; readonly text?: string } | { readonly refuse: ImportErrorReason; readonly detail?: string };

function startsWith(data: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (data.length < at + bytes.length) return false;
  return bytes.every((byte, i) => data[at + i] === byte);
}

const IMAGES: readonly (readonly [string, readonly number[], number?])[] = [
  ["PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ["JPEG", [0xff, 0xd8, 0xff]],
  ["GIF", [0x47, 0x49, 0x46, 0x38]],
  ["TIFF", [0x49, 0x49, 0x2a, 0x00]],
  ["TIFF", [0x4d, 0x4d, 0x00, 0x2a]],
  ["WebP", [0x57, 0x45, 0x42, 0x50], 8],
];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** "BM" alone starts many words; a bitmap also has a known DIB header size at byte 14. */
function isBmp(data: Uint8Array): boolean {
  return startsWith(data, [0x42, 0x4d]) && [12, 40, 52, 56, 108, 124].includes(data[14] ?? -1) && data[15] === 0 && data[16] === 0;
}

/** "%PDF-" may follow a few bytes of junk; readers accept it within the first kilobyte. */
function isPdf(data: Uint8Array): boolean {
  const limit = Math.min(data.length - 5, 1024);
  for (let at = 0; at <= limit; at++) {
    if (data[at] === 0x25 && startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d], at)) return true;
  }
  return false;
}

/** An encrypted OOXML file is a compound file holding a stream named "EncryptedPackage" (UTF-16). */
function isEncryptedOffice(data: Uint8Array): boolean {
  const needle = [..."EncryptedPackage"].flatMap((ch) => [ch.charCodeAt(0), 0]);
  const limit = Math.min(data.length - needle.length, 1 << 20);
  for (let at = 0; at <= limit; at++) if (data[at] === 0x45 && startsWith(data, needle, at)) return true;
  return false;
}

function extension(filename: string | undefined): string {
  const m = /\.([a-z0-9]+)$/i.exec(filename ?? "");
  return m ? m[1]!.toLowerCase() : "";
}

function sniffZip(data: Uint8Array): Sniffed {
  let names: string[];
  try {
    names = readDirectory(data).map((entry) => entry.name);
  } catch (error) {
    return { refuse: "corruptZip", detail: error instanceof ZipProblem ? error.message : "zip" };
  }
  if (names.some((name) => name.startsWith("word/")) && names.includes("[Content_Types].xml")) return { kind: "docx" };
  if (names.some((name) => name.startsWith("xl/")) && names.includes("[Content_Types].xml")) return { kind: "xlsx" };
  return { refuse: "otherZip" };
}

const HTML_MARKUP =
  /<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|table[\s>]|div[\s>]|p[\s>]|meta\s|title>|h[1-6][\s>]|br\s*\/?>|span[\s>]|td[\s>])/i;

function sniffText(text: string, filename: string | undefined): Sniffed {
  const trimmed = text.trim();
  if (!trimmed) return { refuse: "noText" };
  const ext = extension(filename);
  if (/^[{[]/.test(trimmed)) {
    try {
      JSON.parse(trimmed);
      return { kind: "json", text };
    } catch {
      if (ext === "json") return { kind: "json", text };
    }
  }
  if (ext === "json") return { kind: "json", text };
  if (trimmed.startsWith("{\\rtf")) return { refuse: "rtf" };
  if (HTML_MARKUP.test(trimmed.slice(0, 65_536))) return { kind: "html", text };
  if (ext === "html" || ext === "htm" || ext === "xhtml") return { kind: "html", text };
  return { kind: "text", text };
}

/** The kind of a file, or the reason it is refused. Never throws. */
export function sniff(data: Uint8Array, filename?: string): Sniffed {
  if (data.length === 0) return { refuse: "empty" };
  if (isPdf(data)) return { kind: "pdf" };
  if (isZip(data)) return sniffZip(data);
  for (const [name, magic, at] of IMAGES) if (startsWith(data, magic, at ?? 0)) return { refuse: "image", detail: name };
  if (isBmp(data)) return { refuse: "image", detail: "BMP" };
  if (startsWith(data, CFB)) return { refuse: isEncryptedOffice(data) ? "encrypted" : "legacyOffice" };
  const text = decodeText(data);
  if (text === null) return { refuse: "binary" };
  return sniffText(text, filename);
}

/**
 * The kind of a file judged from its content (magic bytes, zip entries, markup), the name only as a
 * tie-breaker; null when it is none of the kinds the importer reads.
 */
export function detectKind(data: Uint8Array, filename?: string): SourceKind | null {
  const sniffed = sniff(data, filename);
  return "kind" in sniffed ? sniffed.kind : null;
}
