/**
 * Word (.docx) in the essentials of GB/T 9704-2012: A4 with the standard margins and 22 × 28 grid,
 * 小标宋 title, 仿宋 body, 黑体 / 楷体 headings, "— 1 —" page numbers on the outer side, and the three
 * tables drawn from core's layouts with Word's own merged cells (gridSpan / vMerge) and repeating
 * header rows. Fonts are referred to by name only; nothing is embedded.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  type IFontAttributesProperties,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from "docx";
import { type LayoutCell, type ReportDocument, type TableLayout, resolveGrid } from "@nianbao/core";
import { columnChars } from "./columns";
import {
  CHAR_PITCH,
  CHAR_SPACING,
  FONTS,
  FOOTER_DISTANCE,
  HEADER_DISTANCE,
  LINE_PITCH,
  MARGINS,
  PAGE,
  PAGE_NUMBER_LINE,
  SIZE,
  TEXT_WIDTH,
  signatureOffsets,
} from "./gbt9704";
import { type ReportOutline, reportOutline } from "./outline";
import { textWidth, xmlSafe } from "./text";
import type { ExportOptions } from "./types";

/** A Chinese face for CJK text, Times New Roman for Latin letters and digits beside it. */
function font(eastAsia: string, latin: string = FONTS.latin): IFontAttributesProperties {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia };
}

/** 五号 table text on 15 pt lines; the 2号 title on a fixed 35 pt line, as official templates set it. */
const TABLE_LINE = 300;
const TITLE_LINE = 700;
const TABLE_STYLE = "ReportTableText";
const TITLE_STYLE = "ReportTitle";

/**
 * Paragraph styles that stay off the page grid (w:snapToGrid off): otherwise every table line would
 * take a full 28.95 pt body line and each title line two of them. docx has no option for that, so
 * these two styles are given as XML.
 */
const offGridStyle = (id: string, name: string, line: number, size: number) =>
  `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}">` +
  `<w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
  `<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${line}" w:lineRule="exact"/></w:pPr>` +
  `<w:rPr><w:snapToGrid w:val="0"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>` +
  `</w:style>`;
const OFF_GRID_STYLES =
  `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
  offGridStyle(TABLE_STYLE, "Report Table Text", TABLE_LINE, SIZE.table) +
  offGridStyle(TITLE_STYLE, "Report Title", TITLE_LINE, SIZE.title) +
  `</w:styles>`;
/** 1 mm either side of a cell's text (so a five-digit count fits a 15-column table), 0.5 mm above and below. */
const CELL_MARGIN = 57;
const CELL_PADDING = 28;

function bodyParagraph(text: string): Paragraph {
  // GB/T 9704-2012 7.3.3: a second-level heading "（一）…" is set in 楷体; when the paragraph goes on
  // after the heading sentence, only the heading sentence is.
  const second = /^（[一二三四五六七八九十]+）/u.exec(text);
  const children: TextRun[] = [];
  if (second) {
    const stop = text.indexOf("。");
    const head = stop < 0 ? text : text.slice(0, stop + 1);
    children.push(new TextRun({ text: xmlSafe(head), font: font(FONTS.heading2) }));
    if (head.length < text.length) children.push(new TextRun({ text: xmlSafe(text.slice(head.length)) }));
  } else {
    children.push(new TextRun({ text: xmlSafe(text) }));
  }
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLineChars: 200, firstLine: Math.round(CHAR_PITCH * 2) },
  });
}

function headingParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: xmlSafe(text), font: font(FONTS.heading1) })],
    indent: { firstLineChars: 200, firstLine: Math.round(CHAR_PITCH * 2) },
    outlineLevel: 0,
    keepNext: true,
  });
}

/** Characters of 2号 text on one line of the 156 mm text area. */
const TITLE_LINE_CHARS = Math.floor(TEXT_WIDTH / (SIZE.title * 10));

/**
 * GB/T 9704-2012 7.3.1: a title that needs two lines breaks where the sense does. The report's own
 * title breaks after the agency's name (「台儿庄区科技局」/「2021年政府信息公开工作年度报告」), as
 * published reports set it; a title given by the caller is left to wrap.
 */
function titleParagraphs(outline: ReportOutline): Paragraph[] {
  const { title, titleBreak } = outline;
  const lines =
    titleBreak !== null && textWidth(title) > TITLE_LINE_CHARS && textWidth(title.slice(0, titleBreak)) <= TITLE_LINE_CHARS
      ? [title.slice(0, titleBreak), title.slice(titleBreak)]
      : [title];
  return [
    new Paragraph({
      children: lines.map(
        (line, i) => new TextRun({ text: xmlSafe(line), font: font(FONTS.title), size: SIZE.title, break: i > 0 ? 1 : 0 }),
      ),
      style: TITLE_STYLE,
      alignment: AlignmentType.CENTER,
    }),
    // GB/T 9704-2012 7.2.4: one empty line under the title.
    new Paragraph({ children: [] }),
  ];
}

function signatureParagraphs(agency: string, date: string | null): Paragraph[] {
  const { nameRight, dateRight } = signatureOffsets(agency, date);
  const line = (text: string, right: number, keepNext: boolean) =>
    new Paragraph({
      children: [new TextRun({ text: xmlSafe(text) })],
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(right * CHAR_PITCH) },
      keepNext,
    });
  // One empty line between the text and the name (7.3.5.2).
  return [
    new Paragraph({ children: [], keepNext: true }),
    line(agency, nameRight, date !== null),
    ...(date ? [line(date, dateRight, false)] : []),
  ];
}

function cellText(cell: LayoutCell, outline: ReportOutline): string {
  if (cell.role === "data") return cell.cellId ? outline.cellText(cell.cellId) : "";
  return cell.label?.[outline.lang] ?? "";
}

const CELL_BOX = {
  verticalAlign: VerticalAlignTable.CENTER,
  margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: CELL_PADDING, bottom: CELL_PADDING },
} as const;

function tableCell(cell: LayoutCell, outline: ReportOutline, width: number): TableCell {
  // Long row labels read left-aligned; headers, group labels spanning rows and figures are centred.
  const alignment = cell.role === "label" && cell.rowspan === 1 ? AlignmentType.LEFT : AlignmentType.CENTER;
  const text = cellText(cell, outline);
  return new TableCell({
    ...CELL_BOX,
    children: [new Paragraph({ style: TABLE_STYLE, children: text ? [new TextRun({ text: xmlSafe(text) })] : [], alignment })],
    columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
    verticalMerge: cell.rowspan > 1 ? VerticalMergeType.RESTART : undefined,
    width: { size: width, type: WidthType.DXA },
  });
}

/**
 * The cell under a row span (w:vMerge continue). Written here rather than left to docx's rowSpan so
 * that its empty paragraph is table text too: a body-size paragraph mark would make the row taller.
 */
function continuationCell(colspan: number, width: number): TableCell {
  return new TableCell({
    ...CELL_BOX,
    children: [new Paragraph({ style: TABLE_STYLE, children: [] })],
    columnSpan: colspan > 1 ? colspan : undefined,
    verticalMerge: VerticalMergeType.CONTINUE,
    width: { size: width, type: WidthType.DXA },
  });
}

/** Twips per grid column, summing exactly to the text width. */
function columnTwips(layout: TableLayout, outline: ReportOutline): number[] {
  const chars = columnChars(layout, outline.lang);
  const total = chars.reduce((a, b) => a + b, 0);
  const widths = chars.map((c) => Math.floor((c / total) * TEXT_WIDTH));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function reportTable(layout: TableLayout, outline: ReportOutline): Table {
  const widths = columnTwips(layout, outline);
  const spanWidth = (c: number, colspan: number) => widths.slice(c, c + colspan).reduce((a, b) => a + b, 0);
  const rows = resolveGrid(layout).map((slots, r) => {
    const children: TableCell[] = [];
    // Left to right over the grid: a cell that starts here, or the continuation of one from above.
    for (let c = 0; c < layout.columns;) {
      const { cell, origin } = slots[c]!;
      children.push(
        origin ? tableCell(cell, outline, spanWidth(c, cell.colspan)) : continuationCell(cell.colspan, spanWidth(c, cell.colspan)),
      );
      c += cell.colspan;
    }
    // A block's title and header rows stay with the rows under them.
    const keepNext = layout.rows[r]!.every((cell) => cell.role !== "data");
    return new TableRow({
      children,
      cantSplit: true,
      ...(r < layout.headerRows ? { tableHeader: true } : {}),
      ...(keepNext ? { keepNext: true } : {}),
    });
  });
  const line = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
  });
}

function pageNumberFooter(side: "odd" | "even"): Footer {
  // One character (4号) in from the outer edge: right on odd pages, left on even ones (GB/T 9704-2012 7.5).
  const inset = SIZE.pageNumber * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: inset } : { left: inset },
        spacing: { line: PAGE_NUMBER_LINE, lineRule: LineRuleType.EXACT },
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            font: font(FONTS.pageNumber, FONTS.pageNumber),
            size: SIZE.pageNumber,
          }),
        ],
      }),
    ],
  });
}

export function docxDocument(doc: ReportDocument, options: ExportOptions = {}): Document {
  const outline = reportOutline(doc, options.lang ?? "zh", options.title);
  const children: (Paragraph | Table)[] = [...titleParagraphs(outline)];
  for (const block of outline.blocks) {
    if (block.kind === "heading") children.push(headingParagraph(block.text));
    else if (block.kind === "paragraph") children.push(bodyParagraph(block.text));
    else children.push(reportTable(block.layout, outline), new Paragraph({ children: [] }));
  }
  children.push(...signatureParagraphs(outline.signature.agency, outline.signature.date));

  const language = outline.lang === "zh" ? "zh-CN" : "en-GB";
  const bodyRun = {
    font: font(FONTS.body),
    size: SIZE.body,
    characterSpacing: CHAR_SPACING,
    language: { value: language, eastAsia: "zh-CN" },
  };
  const bodyParagraphProperties = { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } };
  return new Document({
    title: xmlSafe(outline.title),
    creator: xmlSafe(doc.agency.name),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: bodyRun, paragraph: bodyParagraphProperties } },
      // The grid's character pitch is relative to the Normal style's size (LibreOffice reads it there,
      // not from the defaults), so Normal states 3号 itself.
      paragraphStyles: [{ id: "Normal", name: "Normal", run: bodyRun, paragraph: bodyParagraphProperties }],
    },
    externalStyles: OFF_GRID_STYLES,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGINS, header: HEADER_DISTANCE, footer: FOOTER_DISTANCE, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children,
      },
    ],
  });
}

export async function exportDocx(doc: ReportDocument, options: ExportOptions = {}): Promise<Uint8Array> {
  return Packer.pack(docxDocument(doc, options), "uint8array");
}
