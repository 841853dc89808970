/**
 * Test documents: valid samples from core's sample generator, a consistent (previous, current) pair
 * for cross-year rules, and small helpers to read and change cells by id.
 */
import { getFormat } from "../formats/index";
import type { FormatVersion } from "../formats/index";
import type { Finding } from "../schema/findings";
import type { ReportDocument } from "../schema/document";
import { readRawCell, writeCell } from "../schema/values";
import { sampleReport } from "../testing/sample";

export type Doc = ReportDocument;

function cellDef(doc: Doc, id: string) {
  const cell = getFormat(doc.formatVersion).cellById.get(id);
  if (!cell) throw new Error(`no cell ${id} in ${doc.formatVersion}`);
  return cell;
}

export function get(doc: Doc, id: string): number {
  return readRawCell(doc.tables, cellDef(doc, id)) as number;
}

export function set(doc: Doc, id: string, value: unknown): void {
  writeCell(doc.tables as unknown as Record<string, unknown>, cellDef(doc, id), value as number);
}

export function add(doc: Doc, id: string, delta: number): void {
  set(doc, id, get(doc, id) + delta);
}

export function validDoc(options: { version?: FormatVersion; year?: number; seed?: number; kind?: "department" | "government" } = {}): Doc {
  const year = options.year ?? (options.version === "2019" ? 2020 : 2022);
  return sampleReport({
    seed: options.seed ?? 7,
    year,
    agencyName: "示例区科技局",
    agencyKind: options.kind ?? "department",
    ...(options.version ? { formatVersion: options.version } : {}),
  });
}

const APPLICANTS = ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg"];

/** Last year's and this year's report of one agency, with every cross-year rule holding. */
export function consistentPair(version: FormatVersion = "2021", seed = 11): { previous: Doc; current: Doc } {
  const year = version === "2019" ? 2020 : 2022;
  const previous = sampleReport({ seed, year: year - 1, agencyName: "示例区科技局" });
  const current = sampleReport({ seed: seed + 1, year, agencyName: "示例区科技局" });
  let over = 0;
  let received = 0;
  for (const a of APPLICANTS) {
    const carried = get(previous, `applications.carriedForward.${a}`);
    set(current, `applications.carriedOver.${a}`, carried);
    const processed = get(current, `applications.results.totalProcessed.${a}`);
    let forward = get(current, `applications.carriedForward.${a}`);
    if (processed + forward < carried) {
      forward = carried - processed;
      set(current, `applications.carriedForward.${a}`, forward);
    }
    set(current, `applications.newReceived.${a}`, processed + forward - carried);
    over += carried;
    received += processed + forward - carried;
  }
  set(current, "applications.carriedOver.total", over);
  set(current, "applications.newReceived.total", received);
  set(
    current,
    "applications.carriedForward.total",
    APPLICANTS.reduce((n, a) => n + get(current, `applications.carriedForward.${a}`), 0),
  );
  if (version === "2021") {
    for (const d of ["regulations", "normativeDocuments"]) {
      const before = get(previous, `activeDisclosure.${d}.inForce`);
      const issued = get(current, `activeDisclosure.${d}.issued`);
      const repealed = Math.min(get(current, `activeDisclosure.${d}.repealed`), before + issued);
      set(current, `activeDisclosure.${d}.repealed`, repealed);
      set(current, `activeDisclosure.${d}.inForce`, before + issued - repealed);
    }
  } else {
    for (const row of ["licensing", "otherServices", "punishment", "coercion", "fees"]) {
      const prior = get(previous, `activeDisclosure.${row}.priorYearItems`) + get(previous, `activeDisclosure.${row}.netChange`);
      set(current, `activeDisclosure.${row}.priorYearItems`, prior);
      set(current, `activeDisclosure.${row}.netChange`, Math.max(get(current, `activeDisclosure.${row}.netChange`), -prior));
    }
  }
  previous.sections = {
    overview: `${year - 1}年，本局围绕优化营商环境开展政务公开，重点公开了财政预决算、重大建设项目和科技计划项目信息。本报告中所列数据的统计期限自${year - 1}年1月1日起至${year - 1}年12月31日止。`,
    problems: "主要问题是基层公开队伍人员流动较快，业务培训不足。下一年度将建立定期培训制度。",
    other: "本年度未收取信息处理费。",
  };
  return { previous, current };
}

export function byRule(findings: readonly Finding[], ruleId: string, outcome: "failed" | "unchecked" = "failed"): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId && (f.outcome ?? "failed") === outcome);
}
