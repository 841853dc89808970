/**
 * Files that are not reports, damaged, too large or hostile are refused with an ImportError whose
 * message is one line — in bounded time and memory — and nothing else is ever thrown.
 */
import { describe, expect, it } from "vitest";
import { detectKind, ImportError, type ImportErrorCode, importReport } from "./index";
import { buildDocx, buildPdf, fixture, specFixture, utf8, zip } from "../test-support/import";

async function refusal(data: Uint8Array, options: Parameters<typeof importReport>[1] = {}): Promise<ImportError> {
  try {
    await importReport(data, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    const e = error as ImportError;
    expect(e.message).not.toMatch(/[\r\n]/u);
    expect(e.message).not.toMatch(/\bat .+:\d+:\d+/u);
    return e;
  }
  throw new Error("expected the import to be refused");
}

async function code(data: Uint8Array, options: Parameters<typeof importReport>[1] = {}): Promise<ImportErrorCode> {
  return (await refusal(data, options)).code;
}

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const GIF = utf8("GIF89a\x01\x00\x01\x00");
const CFB = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

describe("refusals", () => {
  it("refuses an empty file, or one of whitespace only", async () => {
    expect(await code(new Uint8Array())).toBe("EMPTY");
    expect(await code(utf8(" \n\t　\n"))).toBe("EMPTY");
    expect((await refusal(new Uint8Array())).message).toBe("文件为空");
    expect((await refusal(new Uint8Array(), { lang: "en" })).message).toBe("The file is empty");
  });

  it("refuses a 50 MB file before reading it", async () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set(utf8("%PDF-1.7\n"));
    const error = await refusal(big);
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toBe("文件过大（50 MiB），超过上限 20 MiB");
    expect(await code(utf8("一、总体情况\n内容"), { maxBytes: 10 })).toBe("TOO_LARGE");
  });

  it("refuses images with a reason", async () => {
    for (const image of [PNG, JPEG, GIF]) expect(await code(image, { filename: "report.docx" })).toBe("NOT_A_REPORT");
    expect((await refusal(PNG)).message).toContain("图片（PNG）");
  });

  it("refuses a zip that is neither Word nor Excel, and binary junk", async () => {
    const error = await refusal(zip({ "hello.txt": "你好", "ppt/presentation.xml": "<p/>" }), { filename: "a.docx" });
    expect(error).toMatchObject({ code: "NOT_A_REPORT", message: "这是一个压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件" });
    expect(await code(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))).toBe("NOT_A_REPORT");
  });

  it("refuses text that has no title, section or table of a report", async () => {
    expect(await code(utf8("hello world\n这是一份购物清单：苹果、香蕉。"))).toBe("NOT_A_REPORT");
  });

  it("refuses legacy Word/Excel and RTF as unsupported", async () => {
    expect(await code(CFB, { filename: "年报.doc" })).toBe("UNSUPPORTED");
    expect(await code(utf8("{\\rtf1\\ansi 年度报告}"))).toBe("UNSUPPORTED");
  });

  it("refuses a zip bomb whose central directory lies, while inflating, within the budget", async () => {
    const started = Date.now();
    const error = await refusal(fixture("bomb-100mb.docx"));
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toContain("疑似压缩炸弹");
    // Not a timing assertion: a sanity bound far above the real cost, to catch an unbounded inflate.
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("refuses an archive that declares a huge entry without inflating it", async () => {
    const docx = buildDocx(["某某局2021年政府信息公开工作年度报告"]);
    const view = new DataView(docx.buffer, docx.byteOffset, docx.byteLength);
    for (let at = docx.length - 22; at >= 0; at--) if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 0x7fffffff, true);
    expect(await code(docx)).toBe("TOO_LARGE");
  });

  it("refuses a damaged Word file and a damaged PDF as corrupt", async () => {
    const docx = buildDocx(["某某局2021年政府信息公开工作年度报告", "一、总体情况", "内容".repeat(200)]);
    const broken = docx.slice();
    // Overwrite the middle of the compressed document part.
    const at = new TextDecoder("latin1").decode(broken).indexOf("word/document.xml") + 40;
    broken.fill(0xff, at, at + 60);
    expect(await code(broken)).toBe("CORRUPT");
    expect(await code(docx.subarray(0, docx.length - 30))).toBe("CORRUPT");
    const pdf = specFixture("city-2024-government.pdf");
    expect(await code(pdf.subarray(0, 2000))).toBe("CORRUPT");
  });

  it("refuses a PDF without a text layer as a scan", async () => {
    const scanned = buildPdf(["0 0 0 rg 72 72 400 600 re f", "0.5 g 100 100 300 300 re f"]);
    const error = await refusal(scanned);
    expect(error.code).toBe("SCANNED_PDF");
    expect(error.message).toContain("没有文字层");
  });
});

describe("detectKind", () => {
  it("judges by content, the name only breaking ties", () => {
    expect(detectKind(specFixture("template-2021-blank.docx"), "x.pdf")).toBe("docx");
    expect(detectKind(specFixture("city-2024-government.pdf"), "x.docx")).toBe("pdf");
    expect(detectKind(zip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" }))).toBe("xlsx");
    expect(detectKind(utf8("<html><body><p>一、总体情况</p></body></html>"), "x.txt")).toBe("html");
    expect(detectKind(utf8('{"formatVersion":"2021"}'), "x.txt")).toBe("json");
    expect(detectKind(utf8("一、总体情况\n二、主动公开政府信息情况"))).toBe("text");
    expect(detectKind(utf8("一、总体情况"), "report.html")).toBe("html");
    expect(detectKind(utf8("{ not json"), "report.json")).toBe("json");
    expect(detectKind(new TextEncoder().encode("一、总体情况"), undefined)).toBe("text");
    expect(detectKind(PNG, "x.docx")).toBeNull();
    expect(detectKind(zip({ "a.txt": "x" }))).toBeNull();
  });

  it("reads GB 18030 text (older sites and tools)", async () => {
    const gbk = Uint8Array.from(Buffer.from("c4b3bed632303231c4ead5feb8aed0c5cfa2b9abbfaab9a4d7f7c4eab6c8b1a8b8e6", "hex"));
    expect(detectKind(gbk)).toBe("text");
    const { report } = await importReport(gbk);
    expect(report.agency.name).toBe("某局");
  });
});
