/**
 * A whole country's year on PostgreSQL: aggregate.get at the root, a province and a county,
 * stats.progress for a province and reports.list pages, called in-process through the router (auth,
 * output validation) plus the JSON encoding HTTP would send. "cold" is the first call in this process
 * (no roll-up computed yet), "changed" the first call after a workflow step below, "warm" the median
 * of repeated calls. Baselines in the same run: a database round trip, and the roll-up the way it was
 * done before — every input's document read, parsed and summed by core — for a county and a city.
 *
 *   NIANBAO_TEST_PG_URL=postgres://… pnpm bench nation          # synthesizes BENCH_COUNTIES (default 2800) into a fresh database
 *   NIANBAO_BENCH_NATION_URL=postgres://…/nation pnpm bench nation   # an existing `nianbao db synth-nation` database
 */
import { aggregateReports, type ReportDocument } from "@nianbao/core";
import { actorFromUser, createCaller, createContextInner } from "@nianbao/api";
import {
  countedRevision,
  createDb,
  createUser,
  type Database,
  getOrganisation,
  getRevision,
  listReports,
  listSubtree,
  type Organisation,
  SYSTEM_AUDIT,
  transitionReport,
} from "@nianbao/db";
import { synthesizeNation } from "@nianbao/db/synth";
import { createTestDb } from "@nianbao/db/testing";
import { benchEnv } from "./env";

const nationUrl = process.env.NIANBAO_BENCH_NATION_URL || undefined;
const counties = Number(process.env.BENCH_COUNTIES || 2800);
const year = Number(process.env.BENCH_YEAR || 2024);
const WARM_RUNS = 15;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; bytes: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  const bytes = Buffer.byteLength(JSON.stringify(value));
  return { ms: performance.now() - started, bytes, value };
}

async function median(fn: () => Promise<unknown>, runs = WARM_RUNS): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(fn)).ms);
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** The roll-up as computed before stored sums: every counting document read, parsed and summed. */
async function documentRollup(db: Database, org: Organisation, year: number) {
  const reports = (await listReports(db, { scopePath: org.path, year, limit: Number.MAX_SAFE_INTEGER })).filter(
    (r) => r.orgId !== org.id && countedRevision(r) !== null,
  );
  const docs: ReportDocument[] = [];
  for (const r of reports) docs.push(structuredClone((await getRevision(db, r.id, countedRevision(r)!)).document));
  return aggregateReports(docs, { agency: { name: org.name, kind: org.kind }, year, contributors: true });
}

/** The nation's root and the first province, city and county under it. */
async function chosen(db: Database) {
  const all = await listSubtree(db, "/");
  const root = all.find((o) => o.parentId === null && o.name === "国务院（合成）");
  if (!root) throw new Error("no synthetic nation in this database (run nianbao db synth-nation first)");
  const firstChild = (parent: Organisation) => all.find((o) => o.parentId === parent.id)!;
  const province = firstChild(root);
  const city = firstChild(province);
  return { root, province, city, county: firstChild(city) };
}

async function run(db: Database, synthSeconds: number | null) {
  const { root, province, city, county } = await chosen(db);
  // The 151,552 organisations read to choose them are garbage now: collected here, not during a measured call.
  globalThis.gc?.();
  const admin = await createUser(
    db,
    { orgId: root.id, username: `bench-${Date.now()}`, displayName: "bench", role: "admin", passwordHash: "!" },
    SYSTEM_AUDIT,
  );
  const call = createCaller(createContextInner({ db, actor: actorFromUser(admin, null) }));

  const rows: [string, string, string][] = [];
  /** A figure, with the target issue 11 sets for it where it has one. */
  const line = (name: string, value: string, target = "") => rows.push([name, value, target]);
  const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

  line("baseline: one organisation by id (a round trip)", fmt(await median(() => getOrganisation(db, county.id))));

  const rootCold = await timed(() => call.aggregate.get({ orgId: root.id, year }));
  line(`aggregate.get nation cold (${rootCold.value.inputCount} inputs, ${kb(rootCold.bytes)})`, fmt(rootCold.ms), "< 2000 ms");
  line("aggregate.get nation warm", fmt(await median(() => call.aggregate.get({ orgId: root.id, year }))), "< 100 ms");
  const provinceCold = await timed(() => call.aggregate.get({ orgId: province.id, year }));
  line(`aggregate.get province cold (${provinceCold.value.inputCount} inputs)`, fmt(provinceCold.ms));
  const countyCold = await timed(() => call.aggregate.get({ orgId: county.id, year }));
  line(`aggregate.get county cold (${countyCold.value.inputCount} inputs)`, fmt(countyCold.ms), "< 50 ms");
  line("aggregate.get county warm", fmt(await median(() => call.aggregate.get({ orgId: county.id, year }))));
  line("baseline: county from documents (core in memory)", fmt((await timed(() => documentRollup(db, county, year))).ms));
  line(`baseline: city from documents (core in memory)`, fmt((await timed(() => documentRollup(db, city, year))).ms));

  // A workflow step below the county: the stored sums change in its transaction, the next read recomputes.
  const pending = (await listReports(db, { scopePath: county.path, year, status: ["submitted"] }))[0];
  if (pending) {
    const step = await timed(() =>
      transitionReport(
        db,
        {
          reportId: pending.id,
          action: "review",
          from: "submitted",
          to: "reviewed",
          revision: pending.currentRevision,
          actorId: admin.id,
          comment: null,
        },
        SYSTEM_AUDIT,
      ),
    );
    line("workflow step 审核 (sums of 4 ancestors updated)", fmt(step.ms));
    const changed = await timed(() => call.aggregate.get({ orgId: root.id, year }));
    line(`aggregate.get nation after the step (${changed.value.inputCount} inputs)`, fmt(changed.ms));
    line("aggregate.get county after the step", fmt((await timed(() => call.aggregate.get({ orgId: county.id, year }))).ms));
  }

  const progress = await timed(() => call.stats.progress({ orgId: province.id, year }));
  line(`stats.progress province first (${progress.value.rows.length} rows, ${kb(progress.bytes)})`, fmt(progress.ms), "< 300 ms");
  line("stats.progress province again", fmt(await median(() => call.stats.progress({ orgId: province.id, year }), 5)));
  line("stats.progress county", fmt(await median(() => call.stats.progress({ orgId: county.id, year }))));
  const page = await timed(() => call.reports.list({ orgId: county.id, year }));
  line(`reports.list county (${page.value.length} rows, one page)`, fmt(page.ms));
  line("reports.list county again", fmt(await median(() => call.reports.list({ orgId: county.id, year }))));
  const big = await timed(() => call.reports.list({ orgId: province.id, year }));
  line(`reports.list province (${big.value.length} rows: the list's cap)`, fmt(big.ms));
  // reports.page through the whole province, 500 a page: the first, the median and the last page.
  const pages: number[] = [];
  let read = 0;
  let cursor: string | undefined;
  do {
    const next = await timed(() => call.reports.page({ orgId: province.id, year, limit: 500, ...(cursor ? { cursor } : {}) }));
    pages.push(next.ms);
    read += next.value.items.length;
    cursor = next.value.nextCursor ?? undefined;
  } while (cursor);
  const sorted = [...pages].sort((a, b) => a - b);
  line(`reports.page province, first of ${pages.length} pages of 500 (${read} rows in all)`, fmt(pages[0]!), "< 50 ms");
  line("reports.page province, median page", fmt(sorted[Math.floor(sorted.length / 2)]!), "< 50 ms");
  line("reports.page province, last page", fmt(pages.at(-1)!), "< 50 ms");

  if (synthSeconds !== null) line(`synth-nation (${counties} counties)`, `${synthSeconds.toFixed(0)} s`);
  const width = Math.max(...rows.map(([name]) => name.length)) + 2;
  const table = rows.map(([n, v, target]) => `${n.padEnd(width)}${v.padStart(9)}${target ? `   target ${target}` : ""}`).join("\n");
  process.stdout.write(`A country's year on ${db.dialect} (${db.description})\n${table}\n`);
}

if (nationUrl) {
  const db = createDb({ url: nationUrl });
  try {
    await db.migrate();
    await run(db, null);
  } finally {
    await db.close();
  }
} else if (benchEnv.pgUrl) {
  const test = await createTestDb("postgres", { pgUrl: benchEnv.pgUrl });
  try {
    const started = performance.now();
    await synthesizeNation(test.db, { counties, year });
    await run(test.db, (performance.now() - started) / 1000);
  } finally {
    await test.drop();
  }
} else {
  process.stdout.write("(skipped: set NIANBAO_TEST_PG_URL, or NIANBAO_BENCH_NATION_URL for an existing synthetic nation)\n");
}
