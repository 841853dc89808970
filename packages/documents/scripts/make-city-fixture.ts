/**
 * Makes the city report fixture the import tests read: spec/fixtures/city-2024-government.pdf and its
 * `pdftotext -layout` text, spec/fixtures/city-2024-government.layout.txt.
 *
 * What it reproduces: the LAYOUT and the FIGURES of a published report, 淮安市人民政府《2024年政府信息
 * 公开工作年度报告》 (a PDF made with WPS): its title and agency, the section headings of the official
 * 2021 format, the three statistical tables with every published figure, their merged header cells,
 * the narrow label columns that wrap long row labels over several lines, the vertical label
 * 三、本年度办理结果 printed one character a line in a tall merged cell, "- 5 -" page numbers on the outer
 * side, and the page breaks that matter to an importer: one cuts table 二, one puts a page number among
 * table 三's rows, one cuts a paragraph of section 五. Like the original, it has no signature block and
 * no publication date.
 *
 * What it does not reproduce: the prose. Every sentence of the narrative sections (the preamble apart
 * from the standard formula of the statistical period, 一, 五 and 六) is new text written for this
 * fixture, of about the original's length and structure. The figures and the table labels are facts
 * of the report and of the official format.
 *
 * Run from the root: `pnpm --filter @nianbao/documents fixture:city` (KEEP_DOCX=/some/file.docx also
 * keeps the Word file). Needs LibreOffice, poppler-utils, fonts-noto-cjk and fonts-dejavu-core: the faces
 * the document names (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体, 宋体, Times New Roman) are mapped to
 * Noto CJK as in scripts/preview.ts and to DejaVu Serif, so the layout does not depend on which faces
 * a machine happens to have. Re-running gives the same text; the PDF's bytes may differ (LibreOffice
 * writes its timestamps and a document id).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  type IFontAttributesProperties,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from "docx";
import { hasCommand, officeToPdf, previewFontConfig } from "./preview";

const OUT = fileURLToPath(new URL("../../../spec/fixtures/", import.meta.url));
const NAME = "city-2024-government";

// ------------------------------------------------------------------------------------------- the page

/** Points to twips. */
const pt = (points: number) => Math.round(points * 20);

/** A4 with 26 mm sides, so that a line holds 28 characters of 16 pt text (448 pt), as the original's do. */
const PAGE = { width: 11906, height: 16838 } as const;
const TEXT_WIDTH = pt(448);
const MARGINS = { top: pt(80), bottom: pt(68), left: (PAGE.width - TEXT_WIDTH) / 2, right: (PAGE.width - TEXT_WIDTH) / 2 };
const FOOTER_DISTANCE = pt(30);
const LINE = pt(28);

const FONTS = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  table: "宋体",
  latin: "Times New Roman",
} as const;

function font(eastAsia: string, latin: string = FONTS.latin): IFontAttributesProperties {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia };
}

/**
 * Text as runs, digits and Latin letters in runs of their own set in the Latin face (for every script
 * slot): LibreOffice would otherwise set digits beside Chinese in the Chinese face, where Word and WPS,
 * which made the original, set them in Times New Roman, a font of its own in the PDF.
 */
function runs(text: string, eastAsia: string, options: { size?: number; bold?: boolean } = {}): TextRun[] {
  return (text.match(/[\x21-\x7e]+|[^\x21-\x7e]+/gu) ?? []).map(
    (part) =>
      new TextRun({
        text: part,
        font: /^[\x21-\x7e]/u.test(part) ? font(FONTS.latin, FONTS.latin) : font(eastAsia),
        ...options,
      }),
  );
}

/**
 * A label set one character a line (a character and the punctuation after it share a line, "三、"),
 * in a column just wide enough for that pair. `size` in half-points.
 */
function verticalRuns(text: string, eastAsia: string, size: number): TextRun[] {
  return (text.match(/.[、，。：；]?/gu) ?? []).map(
    (line, i) => new TextRun({ text: line, font: font(eastAsia), size, ...(i ? { break: 1 } : {}) }),
  );
}

// ------------------------------------------------------------------------------------------- the prose

const TITLE = ["淮安市人民政府", "2024年政府信息公开工作年度报告"];

/**
 * The narrative, written for this fixture. A paragraph starting with "（一）…。" has its heading
 * sentence set in 楷体, as the original sets it. Its length places the page breaks where the
 * original's fall (after 第二十条 第（六）项, after （四）无法提供's first row, after the first line of 五):
 * after editing it, look at the layout text again.
 */
const PREAMBLE = [
  "本报告依照《中华人民共和国政府信息公开条例》（以下简称《条例》）和政府信息公开工作年度报告格式的有关要求，由淮安市人民政府办公室汇总全市情况后编写。报告所列统计期限自2024年1月1日至2024年12月31日。本报告全文在淮安市人民政府门户网站“政府信息公开”专栏发布，社会公众对报告内容如有疑问，可向淮安市人民政府办公室咨询。",
];

const OVERVIEW = [
  "2024年，市政府把政务公开摆在推进法治政府建设的重要位置，围绕全市中心工作和群众关切，持续完善公开制度、拓展公开渠道、提升公开质量，依法保障人民群众的知情权、参与权、表达权和监督权，全年政府信息公开工作平稳有序推进。",
  "（一）主动公开情况。全年通过市政府门户网站累计发布公开信息5500余条，新制定市政府规章1件，市政府及市政府办公室印发政策性文件11件，围绕重要政策配套发布文字、图表等多种形式的解读材料21篇，按期编印《淮安市人民政府公报》6期。聚焦稳就业、优环境、促创新等群众和企业普遍关心的话题，全年举办新闻发布会12场，由部门负责同志到场介绍政策要点、回答记者提问，及时释放权威信息，主动回应社会关注。同时，依托政府公报、政务新媒体等渠道同步推送重要政策文件，扩大政策的知晓面。",
  "（二）依申请公开情况。全年新收政府信息公开申请3119件，上年结转34件；办理完毕3050件，另有103件转入下一年度继续办理，所有申请均在法定期限内作出答复。办理中坚持能公开的尽量公开，对申请内容不明确的主动联系申请人，帮助其准确描述所需信息，减少因表述不清造成的反复申请；对涉及多个部门的申请，由市政府办公室牵头会商，统一答复口径。全年因政府信息公开引发行政复议351件，其中维持72件、纠正64件、其他结果178件、尚未审结37件；引发行政诉讼46件，其中维持25件、纠正5件、其他结果9件、尚未审结7件。",
  "（三）政府信息管理情况。严格执行公开前保密审查制度，信息发布前由承办科室初审、分管负责同志复核，做到未经审查不发布。全面梳理市政府门户网站历年公开的文件和栏目内容，对已失效、已废止的规范性文件及时作出标注，对栏目归属不清的信息重新归类，使公开目录更加清晰好用。对拟公开的规范性文件，同步审核其公开属性和解读材料，确保文件与解读同步发布。组织各地各部门逐项核对网上办事指南、申请表格和示范文本，发现要素缺失、表述不一致的当即更正，让群众办事少跑路、少走弯路。同时及时修订政府信息公开指南，方便公众了解申请渠道和办理流程。",
  "（四）政府信息公开平台建设情况。按照全省统一要求调整政务公开专栏结构，结合年度重点工作开设“设备更新和以旧换新”“助企纾困政策汇编”等专题，集中展示相关政策和办理进展。建立网站栏目常态化巡查机制，对长期不更新、解读材料晦涩难懂、留言回复不及时的栏目挂牌督办，整改情况纳入月度通报，督促责任单位限期完成。持续整治政务新媒体“僵尸号”“空壳号”，关停整合功能相近的账号，目前全市保留运营的政务新媒体95个，在全省四个季度的抽查中全部合格。",
  "（五）政府信息公开监督保障情况。对照省级政务公开监测指标，年内对各县区和市各部门的公开栏目开展全覆盖检查4轮，逐一反馈问题清单并形成评估报告。每季度对政务新媒体进行专项抽查，对发现的共性问题集中通报，对个性问题点对点督促整改。采取以案说法、现场演示等方式组织业务培训，帮助基层工作人员提升依法公开、规范答复的能力。将政务公开工作纳入年度综合考核，考核结果作为评先评优的重要参考。",
];

const PROBLEMS = [
  "回顾全年工作，我市政务公开虽然取得了一定成效，但与上级要求和群众期待相比仍有差距：一是部分单位的政策解读停留在罗列条文，图解、视频等群众喜闻乐见的形式运用不多；二是一些单位的政务公开工作人员多为兼职，岗位调整频繁，业务衔接不够顺畅。",
  "2025年，我市将从两方面加以改进：一方面，提高政策解读的针对性和可读性，鼓励各单位邀请专家学者、企业代表参与解读，多用案例说明政策如何适用，让群众一看就懂、一用就会；另一方面，加强政务公开队伍建设，推行岗位交接清单制度，新任人员上岗前参加集中培训，同时总结推广先进单位的经验做法，带动全市政务公开整体水平提升。",
];

const OTHER = ["2024年，我市按照《政府信息公开信息处理费管理办法》规定的标准和程序计收信息处理费，全年共计收取3940元。"];

function bodyParagraph(text: string): Paragraph {
  const second = /^（[一二三四五六七八九十]+）[^。]*。/u.exec(text);
  const children = second
    ? [...runs(second[0], FONTS.heading2, { bold: true }), ...runs(text.slice(second[0].length), FONTS.body)]
    : runs(text, FONTS.body);
  // No widow and orphan control: the original leaves single lines at the foot and head of a page.
  return new Paragraph({ children, alignment: AlignmentType.JUSTIFIED, indent: { firstLine: pt(32) }, widowControl: false });
}

function headingParagraph(text: string, spaceBefore = 0): Paragraph {
  return new Paragraph({
    children: runs(text, FONTS.heading1),
    indent: { firstLine: pt(32) },
    spacing: { before: spaceBefore, line: LINE, lineRule: LineRuleType.EXACT },
    keepNext: true,
  });
}

function titleParagraph(): Paragraph {
  return new Paragraph({
    children: TITLE.flatMap((line, i) => [
      ...(i ? [new TextRun({ break: 1 })] : []),
      ...runs(line, FONTS.title, { size: 44, bold: true }),
    ]),
    alignment: AlignmentType.CENTER,
    spacing: { before: pt(56), after: pt(56), line: pt(28), lineRule: LineRuleType.EXACT },
  });
}

// ------------------------------------------------------------------------------------------- the tables

/** A cell of a table drawn on a grid: colspan and rowspan, as in HTML. */
interface Cell {
  readonly text: string;
  readonly cs?: number;
  readonly rs?: number;
  /** Half-points. */
  readonly size?: number;
  readonly align?: "left" | "center" | "justify";
  readonly shade?: boolean;
  /** One character a line, in cell margins of 2 pt. */
  readonly vertical?: boolean;
}

interface Grid {
  /** Column widths in points. */
  readonly columns: readonly number[];
  readonly rows: readonly (readonly (Cell | string | number)[])[];
  /** Minimum row heights in points, one for all rows or one a row. */
  readonly height: number | readonly number[];
  /** Half-points of the table's text, and its line pitch in points. */
  readonly size: number;
  readonly line: number;
  readonly align: "left" | "center";
  /** Cell margins left and right, in points. */
  readonly margin: number;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED } as const;

const toCell = (value: Cell | string | number): Cell => (typeof value === "object" ? value : { text: String(value) });

function gridTable(grid: Grid): Table {
  const widths = grid.columns.map(pt);
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  const span = (c: number, n: number) => widths.slice(c, c + n).reduce((a, b) => a + b, 0);
  /** Columns taken by a cell merged down from a row above: column → [colspan, rows left]. */
  const below = new Map<number, [number, number]>();
  const margins = { left: pt(grid.margin), right: pt(grid.margin), top: 0, bottom: 0 };
  const paragraph = (text: string, size: number, align: Cell["align"], vertical = false) =>
    new Paragraph({
      children: vertical ? verticalRuns(text, FONTS.table, size) : runs(text, FONTS.table, { size }),
      alignment: ALIGN[align ?? grid.align],
      spacing: { line: pt(grid.line), lineRule: LineRuleType.EXACT },
      indent: { firstLine: 0 },
    });
  const rows = grid.rows.map((row, r) => {
    const cells: TableCell[] = [];
    const queue = row.map(toCell);
    for (let c = 0; c < grid.columns.length; ) {
      const merged = below.get(c);
      if (merged) {
        const [cs, left] = merged;
        cells.push(
          new TableCell({
            children: [paragraph("", grid.size, "center")],
            columnSpan: cs > 1 ? cs : undefined,
            verticalMerge: VerticalMergeType.CONTINUE,
            width: { size: span(c, cs), type: WidthType.DXA },
            margins,
          }),
        );
        if (left > 1) below.set(c, [cs, left - 1]);
        else below.delete(c);
        c += cs;
        continue;
      }
      const cell = queue.shift();
      if (!cell) throw new Error(`row ${r} of a table has too few cells`);
      const cs = cell.cs ?? 1;
      if (cell.rs && cell.rs > 1) below.set(c, [cs, cell.rs - 1]);
      cells.push(
        new TableCell({
          children: [paragraph(cell.text, cell.size ?? grid.size, cell.align, cell.vertical)],
          columnSpan: cs > 1 ? cs : undefined,
          verticalMerge: cell.rs && cell.rs > 1 ? VerticalMergeType.RESTART : undefined,
          verticalAlign: VerticalAlignTable.CENTER,
          width: { size: span(c, cs), type: WidthType.DXA },
          margins: cell.vertical ? { ...margins, left: pt(2), right: pt(2) } : margins,
          ...(cell.shade ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: "C6D9F1" } } : {}),
        }),
      );
      c += cs;
    }
    if (queue.length) throw new Error(`row ${r} of a table has too many cells`);
    const height = typeof grid.height === "number" ? grid.height : grid.height[r]!;
    // Rows are not split over pages (a page break falls between rows, as in the original).
    return new TableRow({ children: cells, cantSplit: true, height: { value: pt(height), rule: HeightRule.ATLEAST } });
  });
  const line = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
  });
}

/** 二、主动公开政府信息情况: four blocks, each under a shaded "第二十条 第（…）项" row. */
function activeDisclosure(): Table {
  const item = (text: string): Cell[] => [{ text, cs: 4, shade: true }];
  const decisions = (label: string, value: number | string): (Cell | string)[] => [label, { text: String(value), cs: 3, size: 22 }];
  const count = (value: number): Cell => ({ text: String(value), size: 28 });
  return gridTable({
    columns: [170, 93, 79, 106],
    rows: [
      item("第二十条 第（一）项"),
      ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
      ["规章", count(1), count(0), count(11)],
      ["行政规范性文件", count(8), count(26), count(66)],
      item("第二十条 第（五）项"),
      ["信息内容", { text: "本年处理决定数量", cs: 3 }],
      decisions("行政许可", 447228),
      item("第二十条 第（六）项"),
      ["信息内容", { text: "本年处理决定数量", cs: 3 }],
      decisions("行政处罚", 3985758),
      decisions("行政强制", 88283),
      item("第二十条 第（八）项"),
      ["信息内容", { text: "本年收费金额（单位：万元）", cs: 3 }],
      decisions("行政事业性收费", "96171.6"),
    ],
    height: 35.5,
    size: 20,
    line: 15,
    align: "left",
    margin: 5,
  });
}

/** 三、收到和处理政府信息公开申请情况: the published figures, 自然人 … 其他, 总计. */
const APPLICATIONS: readonly (readonly [string, readonly number[]])[] = [
  ["一、本年新收政府信息公开申请数量", [3001, 53, 0, 0, 61, 4, 3119]],
  ["二、上年结转政府信息公开申请数量", [34, 0, 0, 0, 0, 0, 34]],
  ["（一）予以公开", [1288, 21, 0, 0, 50, 3, 1362]],
  ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [447, 7, 0, 0, 0, 0, 454]],
  ["1.属于国家秘密", [2, 0, 0, 0, 0, 0, 2]],
  ["2.其他法律行政法规禁止公开", [30, 1, 0, 0, 0, 0, 31]],
  ["3.危及“三安全一稳定”", [5, 0, 0, 0, 0, 0, 5]],
  ["4.保护第三方合法权益", [6, 0, 0, 0, 0, 0, 6]],
  ["5.属于三类内部事务信息", [7, 1, 0, 0, 0, 0, 8]],
  ["6.属于四类过程性信息", [12, 0, 0, 0, 0, 0, 12]],
  ["7.属于行政执法案卷", [9, 0, 0, 0, 0, 0, 9]],
  ["8.属于行政查询事项", [105, 0, 0, 0, 0, 0, 105]],
  ["1.本机关不掌握相关政府信息", [746, 12, 0, 0, 10, 1, 769]],
  ["2.没有现成信息需要另行制作", [11, 0, 0, 0, 0, 0, 11]],
  ["3.补正后申请内容仍不明确", [1, 0, 0, 0, 0, 0, 1]],
  ["1.信访举报投诉类申请", [56, 6, 0, 0, 0, 0, 62]],
  ["2.重复申请", [25, 0, 0, 0, 0, 0, 25]],
  ["3.要求提供公开出版物", [0, 0, 0, 0, 0, 0, 0]],
  ["4.无正当理由大量反复申请", [0, 0, 0, 0, 0, 0, 0]],
  ["5.要求行政机关确认或重新出具已获取信息", [1, 0, 0, 0, 0, 0, 1]],
  ["1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [67, 3, 0, 0, 1, 0, 71]],
  ["2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [6, 0, 0, 0, 0, 0, 6]],
  ["3、其他", [108, 2, 0, 0, 0, 0, 110]],
  ["（七）总计", [2932, 53, 0, 0, 61, 4, 3050]],
  ["四、结转下年度继续办理", [103, 0, 0, 0, 0, 0, 103]],
];

function applications(): Table {
  const values = (i: number) => APPLICATIONS[i]![1].map((v): Cell => ({ text: String(v), align: "center" }));
  const label = (i: number, cs = 1): Cell => ({ text: APPLICATIONS[i]![0], cs });
  const header = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, align: "center", ...extra });
  /** Where the groups of 三 start, with their labels and sizes. */
  const groups = new Map<number, Cell>([
    [4, { text: "（三）不予公开", rs: 8 }],
    [12, { text: "（四）无法提供", rs: 3 }],
    [15, { text: "（五）不予处理", rs: 5 }],
    [20, { text: "（六）其他处理", rs: 3 }],
  ]);
  const rows: Cell[][] = [
    [
      { text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", cs: 3, rs: 3 },
      header("申请人情况", { cs: 7 }),
    ],
    [header("自然人", { rs: 2 }), header("法人或其他组织", { cs: 5 }), header("总计", { rs: 2 })],
    [
      header("商业企业", { align: "justify" }),
      header("科研机构", { align: "justify" }),
      header("社会公益组织", { align: "justify" }),
      header("法律服务机构", { align: "justify" }),
      header("其他"),
    ],
    [label(0, 3), ...values(0)],
    [label(1, 3), ...values(1)],
  ];
  for (let i = 2; i < APPLICATIONS.length - 1; i++) {
    const row: Cell[] = [];
    if (i === 2) row.push({ text: "三、本年度办理结果", rs: 22, align: "center", vertical: true });
    const group = groups.get(i);
    if (group) row.push(group);
    const grouped = i >= 4 && i <= 22;
    row.push(label(i, grouped ? 1 : 2), ...values(i));
    rows.push(row);
  }
  rows.push([label(APPLICATIONS.length - 1, 3), ...values(APPLICATIONS.length - 1)]);
  // Header rows, then 24 pt rows; a label wrapped over two or three lines makes its row taller.
  return gridTable({
    columns: [24, 41.5, 113, 34, 37.5, 34.5, 44.5, 47, 38, 35],
    rows,
    height: rows.map((_, r) => (r === 0 ? 26 : r === 1 ? 24 : r === 2 ? 40 : 24)),
    size: 15,
    line: 15,
    align: "left",
    margin: 5.4,
  });
}

/**
 * 四、政府信息公开行政复议、行政诉讼情况: 行政复议 over its five outcomes (each merged down two rows),
 * 行政诉讼 over 未经复议直接起诉 and 复议后起诉 with five outcomes each, then the row of figures.
 */
function reviewLitigation(): Table {
  const outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
  const figures = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20];
  return gridTable({
    columns: [28.5, 26.5, 34.5, 29, 34.5, 29, 28, 29, 28.5, 27.5, 29.5, 28, 29.5, 36, 37.5],
    rows: [
      [{ text: "行政复议", cs: 5 }, { text: "行政诉讼", cs: 10 }],
      [...outcomes.map((text): Cell => ({ text, rs: 2 })), { text: "未经复议直接起诉", cs: 5 }, { text: "复议后起诉", cs: 5 }],
      [...outcomes, ...outcomes].map((text): Cell => ({ text, align: text === "总计" ? "left" : "justify" })),
      figures.map((n): Cell => ({ text: String(n), size: 24 })),
    ],
    height: [36, 36, 72, 50],
    size: 15,
    line: 26,
    align: "left",
    margin: 4,
  });
}

// ------------------------------------------------------------------------------------------- the document

function pageNumberFooter(side: "odd" | "even"): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: { firstLine: 0 },
        children: [new TextRun({ children: ["- ", PageNumber.CURRENT, " -"], font: font(FONTS.table), size: 26 })],
      }),
    ],
  });
}

/** Space before the headings of 二 to 五, which stand over tables or follow one, as in the original. */
const AFTER_TABLE = pt(26);

function document(): Document {
  const body = { font: font(FONTS.body), size: 32, language: { value: "zh-CN", eastAsia: "zh-CN" } };
  const paragraph = { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } };
  return new Document({
    title: TITLE.join(""),
    creator: "nianbao",
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: body, paragraph } },
      paragraphStyles: [{ id: "Normal", name: "Normal", run: body, paragraph }],
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { ...MARGINS, header: pt(42), footer: FOOTER_DISTANCE, gutter: 0 },
          },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: [
          titleParagraph(),
          ...PREAMBLE.map(bodyParagraph),
          headingParagraph("一、总体情况"),
          ...OVERVIEW.map(bodyParagraph),
          headingParagraph("二、主动公开政府信息情况", AFTER_TABLE),
          activeDisclosure(),
          headingParagraph("三、收到和处理政府信息公开申请情况", AFTER_TABLE),
          applications(),
          headingParagraph("四、政府信息公开行政复议、行政诉讼情况", AFTER_TABLE),
          reviewLitigation(),
          headingParagraph("五、存在的主要问题及改进情况", AFTER_TABLE),
          ...PROBLEMS.map(bodyParagraph),
          headingParagraph("六、其他需要报告的事项"),
          ...OTHER.map(bodyParagraph),
        ],
      },
    ],
  });
}

/** scripts/preview.ts's mapping of the Chinese faces, and Times New Roman to DejaVu Serif. */
function fontConfig(dir: string): string {
  const path = join(dir, "fixture-fonts.conf");
  writeFileSync(
    path,
    [
      `<?xml version="1.0"?>`,
      `<!DOCTYPE fontconfig SYSTEM "fonts.dtd">`,
      `<fontconfig>`,
      `  <include ignore_missing="no">${previewFontConfig(dir)}</include>`,
      `  <alias binding="same"><family>${FONTS.latin}</family><prefer><family>DejaVu Serif</family></prefer></alias>`,
      `</fontconfig>`,
    ].join("\n"),
  );
  return path;
}

async function main(): Promise<void> {
  for (const command of ["libreoffice", "pdftotext"]) {
    if (!hasCommand(command)) throw new Error(`${command} is not installed`);
  }
  const work = mkdtempSync(join(tmpdir(), "nianbao-city-fixture-"));
  try {
    const env = { ...process.env, FONTCONFIG_FILE: fontConfig(work) };
    const docx = join(work, `${NAME}.docx`);
    writeFileSync(docx, await Packer.pack(document(), "uint8array"));
    if (process.env.KEEP_DOCX) copyFileSync(docx, process.env.KEEP_DOCX);
    const pdf = officeToPdf(docx, join(work, "pdf"), env);
    const target = join(OUT, `${NAME}.pdf`);
    copyFileSync(pdf, target);
    const layout = execFileSync("pdftotext", ["-layout", target, "-"], { encoding: "utf8" });
    writeFileSync(join(OUT, `${NAME}.layout.txt`), layout);
    process.stdout.write(`${target}  ${(statSync(target).size / 1024).toFixed(0)} KiB\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
