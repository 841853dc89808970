/**
 * Hostile files, built here (no fixture to commit): each is uploaded to `reports.import` and must be
 * refused or read within the import's bounds, while the server keeps answering its health check.
 */
import { createDeflateRaw, crc32, deflateRawSync } from "node:zlib";
import { manyPagePdf } from "../src/test-support/many-page-pdf";
import { Client } from "./client";
import type { RunningServer } from "./server";

interface ZipEntry {
  name: string;
  /** Raw deflate data, the uncompressed size and CRC. */
  deflated: Buffer;
  size: number;
  crc: number;
}

function entry(name: string, content: string | Buffer): ZipEntry {
  const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return { name, deflated: deflateRawSync(data), size: data.length, crc: crc32(data) };
}

/** `size` bytes of zeros, deflated in chunks (never held whole), as one entry. */
async function zeros(name: string, size: number): Promise<ZipEntry> {
  const chunk = Buffer.alloc(1024 * 1024);
  const stream = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  stream.on("data", (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => stream.on("end", resolve));
  let crc = 0;
  for (let written = 0; written < size; written += chunk.length) {
    crc = crc32(chunk, crc);
    if (!stream.write(chunk)) await new Promise((resolve) => stream.once("drain", resolve));
  }
  stream.end();
  await done;
  return { name, deflated: Buffer.concat(out), size, crc };
}

/**
 * The fields a local and a central header share, in the same order, from "version needed" (at `at`) to
 * the name's length: version 2.0, UTF-8 names, deflate, no time, the CRC and both sizes.
 */
function writeEntryFields(header: Buffer, at: number, e: ZipEntry, nameLength: number): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(0x0800, at + 2);
  header.writeUInt16LE(8, at + 4);
  header.writeUInt32LE(e.crc >>> 0, at + 10);
  header.writeUInt32LE(e.deflated.length, at + 14);
  header.writeUInt32LE(e.size, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

/** A zip of deflated entries (sizes below 4 GiB: no zip64). */
function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, e, name.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    writeEntryFields(central, 6, e, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const DOCX_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const DOCX_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** A deterministic stream of digits (poorly compressible, unlike a repeated text). */
function* digits(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    yield x % 100_000;
  }
}

export interface HostileFile {
  name: string;
  filename: string;
  data: Buffer;
  /** What it expands to or holds, for the table. */
  what: string;
}

export async function hostileFiles(): Promise<HostileFile[]> {
  const bomb = zip([
    entry("[Content_Types].xml", DOCX_TYPES),
    entry("_rels/.rels", DOCX_RELS),
    await zeros("word/document.xml", 1024 * 1024 * 1024),
  ]);
  const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("")}]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
  const entities = zip([entry("[Content_Types].xml", DOCX_TYPES), entry("_rels/.rels", DOCX_RELS), entry("word/document.xml", lol)]);

  // An .xlsx of 150,000 rows × 8 columns of numbers: about 7 MB zipped, about 60 MB of sheet XML.
  const numbers = digits(9);
  const rows: string[] = [];
  for (let r = 1; r <= 150_000; r++) {
    rows.push(
      `<row r="${r}">${Array.from({ length: 8 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r}"><v>${numbers.next().value}</v></c>`).join("")}</row>`,
    );
  }
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;
  const xlsx = zip([
    entry(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    entry("_rels/.rels", DOCX_RELS.replace("word/document.xml", "xl/workbook.xml")),
    entry(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    entry(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    entry("xl/worksheets/sheet1.xml", sheet),
  ]);

  // 7 MB of HTML: a table of 60,000 rows of numbers, and 2,000 nested <div>s.
  const cells = digits(11);
  const tableRows = Array.from(
    { length: 60_000 },
    () => `<tr><td>项目</td><td>${cells.next().value}</td><td>${cells.next().value}</td><td>${cells.next().value}</td></tr>`,
  ).join("");
  const html = Buffer.from(
    `<!DOCTYPE html><html><body><h1>2019年政府信息公开工作年度报告</h1>${"<div>".repeat(2000)}一、总体情况${"</div>".repeat(2000)}<table>${tableRows}</table></body></html>`,
    "utf8",
  );

  return [
    { name: "zip bomb (.docx)", filename: "bomb.docx", data: bomb, what: "1 GiB of zeros in word/document.xml" },
    { name: "entity expansion (.docx)", filename: "lol.docx", data: entities, what: "10^9 × “lol” (billion laughs)" },
    { name: "1,000-page PDF", filename: "long.pdf", data: Buffer.from(manyPagePdf(1000)), what: "1,000 pages of text" },
    {
      name: "huge .xlsx",
      filename: "huge.xlsx",
      data: xlsx,
      what: `150,000 rows × 8 numbers, ${(sheet.length / 1e6).toFixed(0)} MB of sheet XML`,
    },
    { name: "huge HTML", filename: "huge.html", data: html, what: "60,000 table rows, 2,000 nested <div>s" },
  ];
}

export interface HostileResult {
  name: string;
  what: string;
  sizeMb: number;
  status: number;
  message: string;
  seconds: number;
  /** Server memory: resident before, highest resident while the file was read (sampled every 100 ms), after. */
  rssBeforeMb: number;
  peakMb: number;
  rssAfterMb: number;
  /** The slowest /healthz answer while the file was read (polled every 100 ms). */
  healthMaxMs: number;
}

export async function uploadHostile(server: RunningServer, files: readonly HostileFile[]): Promise<HostileResult[]> {
  const client = new Client(server.base);
  const { orgId } = await client.login();
  const results: HostileResult[] = [];
  for (const file of files) {
    const before = server.memory();
    let done = false;
    let healthMaxMs = 0;
    let peakMb = before.rssMb;
    const health = (async () => {
      while (!done) {
        peakMb = Math.max(peakMb, server.memory().rssMb);
        const t = performance.now();
        await fetch(`${server.base}/healthz`).catch(() => undefined);
        healthMaxMs = Math.max(healthMaxMs, performance.now() - t);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const t0 = performance.now();
    const answer = await client.call("mutation", "reports.import", { orgId, filename: file.filename, data: file.data.toString("base64") });
    const seconds = (performance.now() - t0) / 1000;
    done = true;
    await health;
    const after = server.memory();
    results.push({
      name: file.name,
      what: file.what,
      sizeMb: file.data.length / 1024 / 1024,
      status: answer.status,
      message: answer.message ?? "(read)",
      seconds,
      rssBeforeMb: before.rssMb,
      peakMb: Math.max(peakMb, after.rssMb),
      rssAfterMb: after.rssMb,
      healthMaxMs: Math.round(healthMaxMs),
    });
  }
  return results;
}
