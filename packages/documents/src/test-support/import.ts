/**
 * Builders for the files the import tests construct: a minimal Word document (the OOXML parts Word
 * itself needs, with merged cells written the way Word writes them), a zip of any entries, and a
 * small PDF of chosen page content.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";

const FIXTURES = path.join(import.meta.dirname, "..", "..", "test", "import", "fixtures");
/** The repository's own fixtures (spec/fixtures at its root; spec/README.md names their sources). */
const SPEC_FIXTURES = path.join(import.meta.dirname, "..", "..", "..", "..", "spec", "fixtures");

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

export function specFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(SPEC_FIXTURES, name)));
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A Word cell: text (line breaks become <w:br/>), and Word's own merge markup. */
export interface WordCell {
  text?: string;
  gridSpan?: number;
  vMerge?: "restart" | "continue";
}

export type WordBlock = string | { table: WordCell[][]; gridBefore?: number[] };

function run(text: string): string {
  return text
    .split("\n")
    .map((line, i) => `${i ? "<w:br/>" : ""}<w:t xml:space="preserve">${escape(line)}</w:t>`)
    .join("");
}

function paragraphXml(text: string): string {
  // A bookmark and a tab, as Word leaves them in real files.
  return `<w:p><w:bookmarkStart w:id="0" w:name="_Hlk1"/><w:r>${run(text)}</w:r><w:bookmarkEnd w:id="0"/></w:p>`;
}

function tableXml(rows: WordCell[][], gridBefore: number[] = []): string {
  const width = Math.max(...rows.map((row, r) => (gridBefore[r] ?? 0) + row.reduce((n, c) => n + (c.gridSpan ?? 1), 0)));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="800"/>'.repeat(width)}</w:tblGrid>`;
  const body = rows
    .map((row, r) => {
      const before = gridBefore[r] ? `<w:trPr><w:gridBefore w:val="${gridBefore[r]}"/></w:trPr>` : "";
      const cells = row
        .map((cell) => {
          const props = [
            cell.gridSpan ? `<w:gridSpan w:val="${cell.gridSpan}"/>` : "",
            cell.vMerge === "restart" ? '<w:vMerge w:val="restart"/>' : cell.vMerge === "continue" ? "<w:vMerge/>" : "",
          ].join("");
          return `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r>${run(cell.text ?? "")}</w:r></w:p></w:tc>`;
        })
        .join("");
      return `<w:tr>${before}${cells}</w:tr>`;
    })
    .join("");
  return `<w:tbl><w:tblPr/>${grid}${body}</w:tbl>`;
}

export function documentXml(blocks: readonly WordBlock[]): string {
  const body = blocks.map((b) => (typeof b === "string" ? paragraphXml(b) : tableXml(b.table, b.gridBefore))).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
    `<w:body>${body}<w:sectPr/></w:body></w:document>`
  );
}

export function buildDocx(blocks: readonly WordBlock[]): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        "</Types>",
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        "</Relationships>",
    ),
    "word/document.xml": strToU8(documentXml(blocks)),
  });
}

/**
 * A PDF whose pages draw the given content streams (no fonts unless the stream uses /F1, which is
 * Helvetica). Offsets in the cross-reference table are computed, so the file is well-formed.
 */
export function buildPdf(pageStreams: readonly string[]): Uint8Array {
  const objects: string[] = [];
  const pageIds = pageStreams.map((_, i) => 4 + i * 2);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageStreams.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  pageStreams.forEach((stream, i) => {
    const id = pageIds[i]!;
    objects[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`;
  });
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, "latin1");
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

export function zip(entries: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === "string" ? strToU8(v) : v])));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
