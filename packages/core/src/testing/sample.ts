/**
 * Valid sample reports from a seed: every identity holds, every cell is filled, the text states the
 * period, the fees and (for governments) the assessment results. For tests, benchmarks and the demo.
 */
import { isoDate } from "../dates";
import { type FormatVersion, formatVersionForYear, getFormat } from "../formats/index";
import type { AgencyKind, ReportDocument } from "../schema/document";
import { emptyTables, writeCell } from "../schema/values";

/** mulberry32: a tiny deterministic PRNG, so a seed always gives the same report. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SampleOptions {
  seed?: number;
  year?: number;
  formatVersion?: FormatVersion;
  agencyName?: string;
  agencyKind?: AgencyKind;
  /** Largest count in a result cell (small agencies: 3; a city: 300). */
  scale?: number;
}

export function sampleReport(options: SampleOptions = {}): ReportDocument {
  const seed = options.seed ?? 1;
  const random = seededRandom(seed);
  const int = (max: number) => Math.floor(random() * (max + 1));
  const year = options.year ?? 2021 + (seed % 4);
  const version = options.formatVersion ?? formatVersionForYear(year);
  const format = getFormat(version);
  const kind = options.agencyKind ?? "department";
  const scale = options.scale ?? 5;
  const tables = emptyTables(version) as unknown as Record<string, unknown>;
  const set = (id: string, value: number | string) => {
    const cell = format.cellById.get(id);
    if (!cell) throw new Error(`no cell ${id} in ${version}`);
    writeCell(tables, cell, value);
  };

  const { applicants, regulations, procurement, feeAmount } = format.def.roles;
  const a = (row: string, column: string) => `${applicants.table}.${row}.${column}`;
  // 三: result sub-rows per applicant, then totals that make every identity hold.
  const resultRows = format.cells
    .filter((c) => c.table === applicants.table && c.row.startsWith("results.") && c.row !== "results.totalProcessed")
    .map((c) => c.row)
    .filter((row, i, all) => all.indexOf(row) === i);
  const rowTotals = new Map<string, number>();
  const add = (row: string, value: number) => rowTotals.set(row, (rowTotals.get(row) ?? 0) + value);
  for (const applicant of applicants.parts) {
    const busy = applicant === "natural" || applicant === "commercial";
    let processed = 0;
    for (const row of resultRows) {
      const value = busy || random() < 0.15 ? int(busy ? scale : 1) : 0;
      set(a(row, applicant), value);
      add(row, value);
      processed += value;
    }
    const forward = int(Math.max(1, Math.floor(scale / 2)));
    const over = int(Math.min(processed + forward, Math.max(1, Math.floor(scale / 2))));
    const received = processed + forward - over;
    const values = { "results.totalProcessed": processed, carriedForward: forward, carriedOver: over, newReceived: received };
    for (const [row, value] of Object.entries(values)) {
      set(a(row, applicant), value);
      add(row, value);
    }
  }
  for (const [row, total] of rowTotals) set(a(row, applicants.total), total);
  // 四: each block's total is the sum of its four outcomes.
  for (const block of ["review", "litigationDirect", "litigationAfterReview"]) {
    let total = 0;
    for (const outcome of ["upheld", "corrected", "otherResult", "pending"]) {
      const value = int(Math.max(1, Math.floor(scale / 3)));
      set(`reviewLitigation.${block}.${outcome}`, value);
      total += value;
    }
    set(`reviewLitigation.${block}.total`, total);
  }
  // 二: each row filled as its columns require (件数 that roll forward, 项目数量 with a change, amounts).
  for (const table of format.def.tables) {
    if (table.kind !== "blocks") continue;
    for (const block of table.blocks) {
      const columns = new Set(block.columns.map((c) => c.id));
      for (const row of block.rows) {
        const id = (column: string) => `${table.id}.${row.id}.${column}`;
        // Only bodies with rule-making power make 规章.
        const rulemaking = `${table.id}.${row.id}` !== regulations || kind === "government";
        if (columns.has("issued")) {
          set(id("issued"), rulemaking ? int(scale) : 0);
          set(id("repealed"), rulemaking ? int(2) : 0);
          set(id("inForce"), rulemaking ? int(scale * 10) : 0);
        } else if (columns.has("newlyMade")) {
          const made = rulemaking ? int(scale) : 0;
          set(id("newlyMade"), made);
          set(id("newlyPublished"), made);
          set(id("totalPublished"), made + int(scale * 10));
        } else if (columns.has("priorYearItems")) {
          const prior = int(scale * 4);
          set(id("priorYearItems"), prior);
          set(id("netChange"), int(scale) - Math.min(prior, int(scale)));
          if (columns.has("decisions")) set(id("decisions"), int(scale * 50));
        } else if (procurement && id(block.columns[0]!.id) === procurement.projects) {
          const projects = int(5);
          set(procurement.projects, projects);
          set(procurement.amount, projects ? String(int(900_000) + 1000) : "0");
          const amount = format.cellById.get(procurement.amount)!;
          const unitField = amount.columnDef.unitField;
          if (unitField) (tables[table.id] as Record<string, Record<string, unknown>>)[row.id]![unitField] = "元";
        } else {
          for (const column of block.columns) {
            if (column.kind === "money")
              set(id(column.id), `${int(500)}.${String(int(9999)).padStart(4, "0")}`.replace(/\.?0+$/, "") || "0");
            else set(id(column.id), column.kind === "count" ? int(scale * 100) : 0);
          }
        }
      }
    }
  }
  const received = (tables[applicants.table] as Record<string, Record<string, number>>).newReceived![applicants.total]!;
  const name = options.agencyName ?? `示例区第${(seed % 97) + 1}局`;
  const government = kind === "government" ? "全年开展政务公开工作考核，组织社会评议，未发生责任追究情况。" : "";
  return {
    formatVersion: version,
    year,
    agency: { name, kind },
    publishedAt: isoDate(year + 1, 1, 10 + (seed % 18)),
    sections: {
      overview:
        `${year}年，${name}认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开、依申请公开、政府信息管理、` +
        `平台建设和监督保障各项工作有序推进。全年共收到政府信息公开申请${received}件。${government}` +
        `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。（样例${seed}）`,
      problems: `一是公开内容的深度有待加强（样例${seed}-${int(1e6)}）。二是解读形式较为单一。下一步将细化公开目录，丰富解读形式。`,
      other: `本年度${feeAmount ? "未收取信息处理费" : "无其他需要报告的事项"}。`,
    },
    tables,
  } as unknown as ReportDocument;
}
