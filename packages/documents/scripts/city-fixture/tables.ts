/**
 * The city fixture's three statistical tables: drawn on a grid with Word's merges, with every figure
 * of the published report and its column widths, row heights and label wrapping (see
 * make-city-fixture.ts for what is reproduced and why).
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from "docx";
import { FONTS, pt, runs, TEXT_WIDTH, verticalRuns } from "./page";

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
    for (let c = 0; c < grid.columns.length;) {
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
export function activeDisclosure(): Table {
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

export function applications(): Table {
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
    [{ text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", cs: 3, rs: 3 }, header("申请人情况", { cs: 7 })],
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
export function reviewLitigation(): Table {
  const outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
  const figures = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20];
  return gridTable({
    columns: [28.5, 26.5, 34.5, 29, 34.5, 29, 28, 29, 28.5, 27.5, 29.5, 28, 29.5, 36, 37.5],
    rows: [
      [
        { text: "行政复议", cs: 5 },
        { text: "行政诉讼", cs: 10 },
      ],
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
