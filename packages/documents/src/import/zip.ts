/**
 * A bounded reader of zip archives (.docx and .xlsx are zips). It reads the central directory itself
 * so that declared sizes are checked before anything is inflated, and it inflates through a stream in
 * small steps, counting bytes, so a zip bomb is refused after at most one step beyond the budget
 * instead of after expanding to gigabytes. fflate does the DEFLATE work.
 */
import { Inflate } from "fflate";

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  /** Uncompressed size as the archive declares it (a bomb may lie; inflation is counted anyway). */
  readonly size: number;
  readonly localOffset: number;
}

/** Why an archive could not be read; mapped to ImportError codes by the caller. */
export class ZipProblem extends Error {
  constructor(
    readonly problem: "corrupt" | "tooLarge" | "encrypted" | "unsupported",
    message: string,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** More entries than any Word or Excel file has; a directory claiming more is not one of them. */
const MAX_ENTRIES = 20_000;
/** Compressed bytes pushed per step: one step inflates to at most ~1032× this (DEFLATE's limit). */
const STEP = 16 * 1024;

function u16(data: Uint8Array, at: number): number {
  return data[at]! | (data[at + 1]! << 8);
}
function u32(data: Uint8Array, at: number): number {
  return (data[at]! | (data[at + 1]! << 8) | (data[at + 2]! << 16) | (data[at + 3]! << 24)) >>> 0;
}
function u64(data: Uint8Array, at: number): number {
  return u32(data, at) + u32(data, at + 4) * 2 ** 32;
}

export function isZip(data: Uint8Array): boolean {
  return data.length >= 4 && u32(data, 0) === LOCAL;
}

function findEndOfDirectory(data: Uint8Array): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes.
  const stop = Math.max(0, data.length - 22 - 65_535);
  for (let at = data.length - 22; at >= stop; at--) {
    if (u32(data, at) === EOCD) return at;
  }
  throw new ZipProblem("corrupt", "no end of central directory");
}

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  // Names in Office files are ASCII; the flag (bit 11) says UTF-8, otherwise CP437 — latin1 is close enough.
  return new TextDecoder(utf8 ? "utf-8" : "latin1").decode(bytes);
}

/** The entries of the central directory, with sizes checked for sanity. Throws ZipProblem. */
export function readDirectory(data: Uint8Array): ZipEntry[] {
  const end = findEndOfDirectory(data);
  let count = u16(data, end + 10);
  let offset = u32(data, end + 16);
  if (end >= 20 && u32(data, end - 20) === EOCD64_LOCATOR) {
    const at = u64(data, end - 12);
    if (at + 56 > data.length || u32(data, at) !== EOCD64) throw new ZipProblem("corrupt", "bad zip64 directory");
    count = u64(data, at + 32);
    offset = u64(data, at + 48);
  }
  if (count > MAX_ENTRIES) throw new ZipProblem("unsupported", `${count} entries`);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(data, at) !== CENTRAL) throw new ZipProblem("corrupt", "bad central directory");
    const flags = u16(data, at + 8);
    const method = u16(data, at + 10);
    let compressedSize = u32(data, at + 20);
    let size = u32(data, at + 24);
    const nameLength = u16(data, at + 28);
    const extraLength = u16(data, at + 30);
    const commentLength = u16(data, at + 32);
    let localOffset = u32(data, at + 42);
    if (at + 46 + nameLength + extraLength > data.length) throw new ZipProblem("corrupt", "truncated directory");
    const name = decodeName(data.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0);
    // ZIP64: sizes and offset that do not fit 32 bits move to an extra field, in this order.
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = u16(data, extra);
        const length = u16(data, extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          if (size === 0xffffffff) {
            size = u64(data, field);
            field += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(data, field);
            field += 8;
          }
          if (localOffset === 0xffffffff) localOffset = u64(data, field);
          break;
        }
        extra += 4 + length;
      }
    }
    entries.push({ name, method, encrypted: (flags & 1) !== 0, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * An archive opened under a budget of inflated bytes shared by every entry read from it. Reading an
 * entry whose declared or actual size would exceed what is left throws ZipProblem("tooLarge").
 */
export class BoundedZip {
  readonly entries: readonly ZipEntry[];
  private readonly byName: Map<string, ZipEntry>;
  private remaining: number;

  constructor(
    private readonly data: Uint8Array,
    budget: number,
  ) {
    this.entries = readDirectory(data);
    this.byName = new Map(this.entries.map((entry) => [entry.name, entry]));
    this.remaining = budget;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The entry's bytes, or null when the archive has no such entry. */
  read(name: string): Uint8Array | null {
    const entry = this.byName.get(name);
    if (!entry) return null;
    if (entry.encrypted) throw new ZipProblem("encrypted", name);
    if (entry.size > this.remaining) throw new ZipProblem("tooLarge", `${name} declares ${entry.size} bytes`);
    const at = entry.localOffset;
    if (at + 30 > this.data.length || u32(this.data, at) !== LOCAL) throw new ZipProblem("corrupt", `bad local header of ${name}`);
    const start = at + 30 + u16(this.data, at + 26) + u16(this.data, at + 28);
    const end = start + entry.compressedSize;
    if (end > this.data.length) throw new ZipProblem("corrupt", `${name} is truncated`);
    const raw = this.data.subarray(start, end);
    if (entry.method === 0) {
      this.remaining -= raw.length;
      return raw;
    }
    if (entry.method !== 8) throw new ZipProblem("unsupported", `compression method ${entry.method}`);
    return this.inflate(raw, name);
  }

  text(name: string): string | null {
    const bytes = this.read(name);
    return bytes === null ? null : new TextDecoder("utf-8").decode(bytes);
  }

  /** Reads every entry once, only to prove the whole archive fits the budget (before a library unzips it). */
  checkAll(): void {
    for (const entry of this.entries) if (!entry.name.endsWith("/")) this.read(entry.name);
  }

  private inflate(raw: Uint8Array, name: string): Uint8Array {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let overflow = false;
    const stream = new Inflate((chunk) => {
      total += chunk.length;
      if (total > this.remaining) {
        overflow = true;
        throw new ZipProblem("tooLarge", `${name} expands beyond the budget`);
      }
      chunks.push(chunk);
    });
    try {
      for (let at = 0; at < raw.length; at += STEP) {
        stream.push(raw.subarray(at, Math.min(raw.length, at + STEP)), at + STEP >= raw.length);
      }
      if (raw.length === 0) stream.push(raw, true);
    } catch (error) {
      if (overflow || error instanceof ZipProblem) throw error;
      throw new ZipProblem("corrupt", `${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.remaining -= total;
    const out = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}
