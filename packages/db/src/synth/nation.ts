/**
 * A synthetic nation for measuring at national scale: provinces → cities → counties → departments,
 * every department's and government's report of a year in mixed workflow states, plus the year
 * before, all published. Deterministic from a seed; every document is one of a pool of core's sample
 * reports (each checked by the validator, a few with cells left empty as imported reports may be)
 * with the organisation's name written in. Rows go in with multi-row inserts, the roll-up tables
 * included, computed here exactly as the workflow would write them.
 */
import { type AgencyKind, type Finding, type ReportFigures, reportFigures, validateReport } from "@nianbao/core";
import { sampleReport, seededRandom } from "@nianbao/core/testing";
import { type SQL, sql } from "drizzle-orm";
import type { Database, Tables } from "../client";
import type { ReportStatus } from "../domain";
import { addToRollup, emptyRollup, pathIds, replaceRollupSums, rollupInputRow, type StoredRollup } from "../queries/rollups";

export interface NationOptions {
  /** Counties across the nation (China has about 2,800). */
  counties: number;
  /** Provinces (default: one per 90 counties, at most 31). */
  provinces?: number;
  /** Departments filing in each county (default 53: about 150,000 reports for 2,800 counties). */
  departmentsPerCounty?: number;
  year?: number;
  seed?: number;
  /** Told after each province. */
  onProgress?: (done: { provinces: number; reports: number }) => void;
}

export interface NationSummary {
  rootId: string;
  adminUserId: string;
  organisations: number;
  reports: number;
  year: number;
}

const POOL = 256;
const PLACEHOLDER = "〔单位名称〕";
const DEPARTMENTS = [
  "发展和改革局",
  "教育局",
  "科学技术局",
  "公安局",
  "民政局",
  "司法局",
  "财政局",
  "人力资源和社会保障局",
  "自然资源局",
  "生态环境局",
  "住房和城乡建设局",
  "交通运输局",
  "水利局",
  "农业农村局",
  "商务局",
  "文化和旅游局",
  "卫生健康委员会",
  "退役军人事务局",
  "应急管理局",
  "审计局",
  "市场监督管理局",
  "统计局",
  "医疗保障局",
  "林业局",
  "城市管理局",
  "信访局",
];
/** Of this year's reports: the share in each state, cumulative (the rest are published). */
const STATES: [number, ReportStatus][] = [
  [0.08, "draft"],
  [0.15, "submitted"],
  [0.25, "reviewed"],
  [0.35, "signed"],
];

interface PoolEntry {
  json: string;
  figures: ReportFigures;
  summary: { error: number; warning: number; info: number };
  source: "seed" | "import";
}

/** Sample documents for one year and kind; one in 32 has a cell left empty, read as an imported report. */
function documentPool(year: number, kind: AgencyKind, seed: number): PoolEntry[] {
  return Array.from({ length: POOL }, (_, i) => {
    const doc = sampleReport({ seed: seed * 7919 + i, year, agencyName: PLACEHOLDER, agencyKind: kind });
    const imported = i % 32 === 31;
    if (imported) {
      const tables = doc.tables as unknown as Record<string, Record<string, Record<string, unknown>>>;
      tables.applications!.newReceived!.research = null;
    }
    const findings: Finding[] = validateReport(doc, { mode: imported ? "import" : "filing" });
    const summary = { error: 0, warning: 0, info: 0 };
    for (const f of findings) summary[f.severity]++;
    if (summary.error)
      throw new Error(`sample report ${i} of ${year} does not validate: ${findings.find((f) => f.severity === "error")!.ruleId}`);
    return { json: JSON.stringify(doc), figures: reportFigures(doc), summary, source: imported ? "import" : "seed" };
  });
}

const escapeJson = (text: string) => JSON.stringify(text).slice(1, -1);

/** Fills an empty (migrated) database. Refuses one that already holds organisations. */
export async function synthesizeNation(db: Database, options: NationOptions): Promise<NationSummary> {
  const year = options.year ?? 2024;
  const seed = options.seed ?? 1;
  const counties = Math.max(1, options.counties);
  const provinces = Math.max(1, Math.min(options.provinces ?? Math.min(31, Math.ceil(counties / 90)), counties));
  const perCounty = options.departmentsPerCounty ?? 53;
  const random = seededRandom(seed);
  const pools = new Map<string, PoolEntry[]>();
  for (const y of [year - 1, year])
    for (const kind of ["department", "government"] as const) pools.set(`${y}:${kind}`, documentPool(y, kind, seed + y));

  const existing = await db.read(({ q, t }) => q.select({ id: t.organisations.id }).from(t.organisations).limit(1));
  if (existing.length) throw new Error("the database already holds organisations; synthesize into an empty one");

  const id = (path: string) => `s${seed}${path}`;
  const base = Date.UTC(year, 0, 1);
  let clock = 0;
  const rootId = id("n");
  const adminUserId = id("-admin");
  const sums = new Map<string, { orgId: string; sum: StoredRollup }>();
  const summary: NationSummary = { rootId, adminUserId, organisations: 0, reports: 0, year };
  const batch = new Batch(db);

  const addOrg = (orgId: string, parentPath: string, name: string, kind: AgencyKind) => {
    const path = `${parentPath}${orgId}/`;
    const now = base + clock++;
    batch.organisations.push({
      id: orgId,
      parentId: parentPath === "/" ? null : pathIds(parentPath).at(-1)!,
      name,
      kind,
      rulemaking: false,
      path,
      createdAt: now,
      updatedAt: now,
    });
    summary.organisations++;
    return path;
  };

  const addReports = (orgId: string, path: string, name: string, kind: AgencyKind) => {
    for (const y of [year - 1, year]) {
      const pool = pools.get(`${y}:${kind}`)!;
      const entry = pool[Math.floor(random() * pool.length)]!;
      const draw = random();
      const status: ReportStatus = y < year ? "published" : (STATES.find(([share]) => draw < share)?.[1] ?? "published");
      const reportId = `${orgId}-${y}`;
      const now = base + clock++;
      const published = status === "published";
      batch.reports.push({
        id: reportId,
        orgId,
        year: y,
        formatVersion: entry.figures.formatVersion,
        status,
        currentRevision: 1,
        publishedRevision: published ? 1 : null,
        pendingChangeNote: null,
        createdAt: now,
        updatedAt: now,
      });
      batch.revisions.push({
        id: `${reportId}-r1`,
        reportId,
        revisionNo: 1,
        baseRevision: null,
        document: entry.json.split(PLACEHOLDER).join(escapeJson(name)),
        errorCount: entry.summary.error,
        warningCount: entry.summary.warning,
        infoCount: entry.summary.info,
        authorId: adminUserId,
        tokenId: null,
        source: entry.source,
        note: null,
        createdAt: now,
      });
      if (published) {
        // Most on time (by 1月20日), one in ten late by up to a month.
        const late = random() < 0.1;
        const day = late
          ? Date.UTC(y + 1, kind === "government" ? 3 : 1, 1 + Math.floor(random() * 28))
          : Date.UTC(y + 1, 0, 2 + Math.floor(random() * 18));
        batch.publications.push({
          id: `${reportId}-p1`,
          reportId,
          revisionNo: 1,
          publishedOn: new Date(day).toISOString().slice(0, 10),
          publishedAt: day,
          publishedBy: adminUserId,
          changeNote: null,
        });
      }
      if (status === "draft" || status === "submitted") continue;
      batch.inputs.push(rollupInputRow(reportId, orgId, 1, entry.figures));
      for (const ancestor of pathIds(path).slice(0, -1)) {
        const key = `${ancestor}:${y}`;
        let kept = sums.get(key);
        if (!kept) sums.set(key, (kept = { orgId: ancestor, sum: emptyRollup(y, entry.figures.formatVersion) }));
        addToRollup(kept.sum, entry.figures, 1);
      }
      summary.reports++;
    }
  };

  const rootPath = addOrg(rootId, "/", "国务院（合成）", "government");
  const now = base + clock++;
  batch.users.push({
    id: adminUserId,
    orgId: rootId,
    username: `synth-admin-${seed}`,
    displayName: "合成数据",
    role: "admin",
    passwordHash: "!",
    disabled: true,
    createdAt: now,
    updatedAt: now,
  });
  await batch.flush(true);

  let county = 0;
  for (let p = 0; p < provinces; p++) {
    const provinceId = id(`p${p}`);
    const provinceName = `第${p + 1}省`;
    const provincePath = addOrg(provinceId, rootPath, `${provinceName}人民政府`, "government");
    addReports(provinceId, provincePath, `${provinceName}人民政府`, "government");
    const share = Math.floor(counties / provinces) + (p < counties % provinces ? 1 : 0);
    const cities = Math.max(1, Math.ceil(share / 9));
    const cityPaths: string[] = [];
    for (let c = 0; c < cities; c++) {
      const cityId = id(`p${p}c${c}`);
      const cityName = `${provinceName}第${c + 1}市`;
      cityPaths.push(addOrg(cityId, provincePath, `${cityName}人民政府`, "government"));
      addReports(cityId, cityPaths[c]!, `${cityName}人民政府`, "government");
    }
    for (let k = 0; k < share; k++, county++) {
      const c = k % cities;
      const countyId = id(`p${p}c${c}k${k}`);
      const countyName = `${provinceName}第${c + 1}市第${k + 1}县`;
      const countyPath = addOrg(countyId, cityPaths[c]!, `${countyName}人民政府`, "government");
      addReports(countyId, countyPath, `${countyName}人民政府`, "government");
      for (let d = 0; d < perCounty; d++) {
        const deptName = `${DEPARTMENTS[d % DEPARTMENTS.length]}${d >= DEPARTMENTS.length ? `（${Math.floor(d / DEPARTMENTS.length) + 1}）` : ""}`;
        const deptId = id(`p${p}c${c}k${k}d${d}`);
        addReports(deptId, addOrg(deptId, countyPath, deptName, "department"), `${countyName}${deptName}`, "department");
      }
      await batch.flush(false);
    }
    options.onProgress?.({ provinces: p + 1, reports: summary.reports });
  }
  await batch.flush(true);
  await db.write((tx) => replaceRollupSums(tx, [...sums.values()]));
  await refreshPlannerStatistics(db);
  return summary;
}

/**
 * Tables filled in bulk have no planner statistics until autovacuum comes round, and without them
 * PostgreSQL reads a subtree by scanning (measured: a county's first roll-up 2.2 s before, 50 ms after).
 */
async function refreshPlannerStatistics(db: Database): Promise<void> {
  await db.write(async ({ q }) => {
    // The executor is typed as SQLite's; on PostgreSQL the same handle is node-postgres's, whose raw call is `execute`.
    if (db.dialect === "postgres") await (q as unknown as { execute(query: SQL): Promise<unknown> }).execute(sql`ANALYZE`);
    else q.run(sql`ANALYZE`);
  });
}

type Rows<K extends keyof Tables> = Tables[K]["$inferInsert"][];

/** Rows waiting to be inserted, many per statement, parents before the rows that refer to them. */
class Batch {
  organisations: Rows<"organisations"> = [];
  users: Rows<"users"> = [];
  reports: Rows<"reports"> = [];
  revisions: Rows<"reportRevisions"> = [];
  publications: Rows<"publications"> = [];
  inputs: Rows<"rollupInputs"> = [];

  constructor(private readonly db: Database) {}

  async flush(all: boolean): Promise<void> {
    if (!all && this.revisions.length < 2000) return;
    const take = <T>(rows: T[]): T[] => rows.splice(0, rows.length);
    const [orgs, users, reports, revisions, publications, inputs] = [
      take(this.organisations),
      take(this.users),
      take(this.reports),
      take(this.revisions),
      take(this.publications),
      take(this.inputs),
    ];
    await this.db.write(async ({ q, t }) => {
      // Bound statements: parameters stay far under PostgreSQL's 65,535 and SQLite's 32,766.
      const insert = async <T>(table: Parameters<typeof q.insert>[0], rows: T[], per: number) => {
        for (let i = 0; i < rows.length; i += per) await q.insert(table).values(rows.slice(i, i + per) as never);
      };
      await insert(t.organisations, orgs, 1000);
      await insert(t.users, users, 1000);
      await insert(t.reports, reports, 1000);
      await insert(t.reportRevisions, revisions, 500);
      await insert(t.publications, publications, 1000);
      await insert(t.rollupInputs, inputs, 1000);
    });
  }
}
