/**
 * The demo: 示范区人民政府 with its departments, their users, and reports for the four years up to the
 * working year (`workingYear` of the demo's clock) that went through the real workflow functions —
 * published earlier years, the working year in every state, some with errors, a late one, and (when the
 * importer and the fixture are there) the science bureau's 2021 report imported from the seed file.
 * Runs only on an empty database.
 */
import {
  actorFromUser,
  type Actor,
  type Caller,
  createDraft,
  hashPassword,
  importFile,
  type PasswordHashing,
  saveDraft,
  takeStep,
  validateForRevision,
} from "@nianbao/api";
import { type Finding, findingKey, getCell, getFormat, isoDate, type ReportDocument, workingYear, writeCell } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import {
  countUsers,
  createOrganisation,
  createUser,
  type Database,
  findReportByOrgYear,
  getReport,
  getRevision,
  type Organisation,
  type Report,
  type Role,
  SYSTEM_AUDIT,
  upsertExplanation,
  type UserWithScope,
} from "@nianbao/db";
import { DEPARTMENTS, DISTRICT, HIGHLIGHTS, PROBLEMS } from "./data";

export interface SeedOptions {
  adminPassword: string;
  passwordHashing: PasswordHashing;
  /** The seed report file (spec/fixtures/seed-2021-district-science-bureau.txt), imported when given. */
  fixture?: { data: Uint8Array; filename: string };
  /** The demo's clock (epoch ms): its years are the four up to `workingYear(now)`. Defaults to now. */
  now?: number;
}

/** An organisation and who takes each workflow step on its reports. */
interface Team {
  org: Organisation;
  editor: Actor;
  reviewer: Actor;
  signer: Actor;
  admin: Actor;
}

export interface SeedResult {
  created: boolean;
  users: { username: string; role: Role; org: string }[];
  reports: number;
  fixtureImported?: boolean;
  fixtureError?: string;
}

/** The year of the seed fixture, a real report of a district science bureau, and the demo's one that it is. */
const FIXTURE_YEAR = 2021;
const SCIENCE = "kjj";
/**
 * The demo never works on a year before this one, so its first year is never before 2021: every demo
 * year then has the 2021 format, whose applicant columns `continueFrom` names. The clock only moves on.
 */
const EARLIEST_WORKING_YEAR = 2024;

/** The year the demo works on at `now`: the one whose reports are in every workflow state. */
function demoWorkingYear(now: number): number {
  return Math.max(EARLIEST_WORKING_YEAR, workingYear(now));
}

/** The demo's years, oldest first: its working year at `now` and the three before it. */
export function demoYears(now: number): number[] {
  const working = demoWorkingYear(now);
  return [working - 3, working - 2, working - 1, working];
}

const APPLICANT_COLUMNS = ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg"];

/** Where each department's report of the working year stands (the rest, and earlier years, are published). */
const WORKING_YEAR_STATE: Record<string, "none" | "draft" | "errors" | "submitted" | "reviewed" | "signed" | "late"> = {
  jyj: "draft",
  kjj: "submitted",
  gaj: "reviewed",
  mzj: "signed",
  sfj: "errors",
  czj: "none",
  zrj: "late",
  jtj: "errors",
  scj: "draft",
};

/** Make a sample report continue last year's: 上年结转 = last 结转下年度, 现行有效 rolls over. */
function continueFrom(doc: ReportDocument, previous: ReportDocument | null): ReportDocument {
  if (!previous || previous.formatVersion !== doc.formatVersion) return doc;
  const format = getFormat(doc.formatVersion);
  const tables = doc.tables as unknown as Record<string, unknown>;
  const num = (d: ReportDocument, id: string) => (getCell(d, id) as number | null) ?? 0;
  const set = (id: string, value: number) => writeCell(tables, format.cellById.get(id)!, value);
  for (const column of [...APPLICANT_COLUMNS, "total"]) {
    if (column === "total") {
      for (const row of ["newReceived", "carriedOver", "carriedForward"]) {
        set(
          `applications.${row}.total`,
          APPLICANT_COLUMNS.reduce((sum, c) => sum + num(doc, `applications.${row}.${c}`), 0),
        );
      }
      continue;
    }
    const over = num(previous, `applications.carriedForward.${column}`);
    const processed = num(doc, `applications.results.totalProcessed.${column}`);
    let forward = num(doc, `applications.carriedForward.${column}`);
    let received = processed + forward - over;
    if (received < 0) {
      forward -= received;
      received = 0;
    }
    set(`applications.carriedOver.${column}`, over);
    set(`applications.newReceived.${column}`, received);
    set(`applications.carriedForward.${column}`, forward);
  }
  // Every row whose 现行有效件数 rolls on from last year (T2-INFORCE-ROLL), in whichever format the year uses.
  for (const cell of format.cells.filter((c) => c.column === "inForce")) {
    const row = `${cell.table}.${cell.row}`;
    const inForce = num(previous, `${row}.inForce`) + num(doc, `${row}.issued`) - num(doc, `${row}.repealed`);
    set(`${row}.inForce`, Math.max(0, inForce));
  }
  return doc;
}

function demoDocument(org: Organisation, year: number, seed: number, previous: ReportDocument | null): ReportDocument {
  const doc = sampleReport({ seed, year, agencyName: org.name, agencyKind: org.kind, scale: org.kind === "government" ? 12 : 5 });
  const highlight = [0, 3, 5].map((k) => HIGHLIGHTS[(seed + year + k) % HIGHLIGHTS.length]).join("");
  doc.sections.overview = `${highlight}${doc.sections.overview}`;
  doc.sections.problems = PROBLEMS[(seed + year) % PROBLEMS.length]!;
  doc.publishedAt = null;
  const continued = continueFrom(doc, previous);
  // The overview states the number received (T3-TEXT): keep it in step with the carried-over table.
  const received = getCell(continued, "applications.newReceived.total");
  continued.sections.overview = continued.sections.overview.replace(
    /共收到政府信息公开申请\d+件/,
    `共收到政府信息公开申请${String(received)}件`,
  );
  return continued;
}

/** A draft of the working year with errors to show: a row total that does not add up and a cell left empty. */
function breakDocument(doc: ReportDocument): ReportDocument {
  const format = getFormat(doc.formatVersion);
  const tables = doc.tables as unknown as Record<string, unknown>;
  const total = (getCell(doc, "applications.newReceived.total") as number) ?? 0;
  writeCell(tables, format.cellById.get("applications.newReceived.total")!, total + 3);
  writeCell(tables, format.cellById.get("reviewLitigation.review.pending")!, null);
  return doc;
}

async function explainWarnings(db: Database, report: Report, findings: Finding[], actor: Actor): Promise<void> {
  for (const warning of findings.filter((f) => f.severity === "warning")) {
    await upsertExplanation(
      db,
      {
        reportId: report.id,
        orgId: report.orgId,
        findingKey: findingKey(warning),
        ruleId: warning.ruleId,
        cells: warning.cells,
        text: "经核实，相关数据和表述无误。",
        authorId: actor.userId,
      },
      SYSTEM_AUDIT,
    );
  }
}

export async function seedDemo(db: Database, options: SeedOptions): Promise<SeedResult> {
  if ((await countUsers(db)) > 0) return { created: false, users: [], reports: 0 };
  const now = options.now ?? Date.now();
  const users: SeedResult["users"] = [];
  const district = await createOrganisation(db, { parentId: null, name: DISTRICT, kind: "government" }, SYSTEM_AUDIT);
  const addUser = async (org: Organisation, username: string, displayName: string, role: Role): Promise<UserWithScope> => {
    const passwordHash = await hashPassword(options.adminPassword, options.passwordHashing);
    users.push({ username, role, org: org.name });
    return createUser(db, { orgId: org.id, username, displayName, role, passwordHash }, SYSTEM_AUDIT);
  };
  const admin = await addUser(district, "admin", "政务公开办公室", "admin");
  const teams = new Map<string, Team>();
  const adminActor = actorFromUser(admin, null);
  const govTeam = {
    org: district,
    editor: adminActor,
    reviewer: actorFromUser(await addUser(district, "gov.reviewer", "分管副区长", "reviewer"), null),
    signer: actorFromUser(await addUser(district, "gov.signer", "区长", "signer"), null),
    admin: adminActor,
  };
  teams.set("gov", govTeam);
  for (const dept of DEPARTMENTS) {
    const org = await createOrganisation(db, { parentId: district.id, name: dept.name, kind: "department" }, SYSTEM_AUDIT);
    const editor = actorFromUser(await addUser(org, `${dept.code}.editor`, `${dept.name.replace("示范区", "")}办公室`, "editor"), null);
    // Leaders have accounts in the science bureau (the full workflow); elsewhere the district leaders act.
    const reviewer =
      dept.code === "kjj" ? actorFromUser(await addUser(org, "kjj.reviewer", "科技局分管副局长", "reviewer"), null) : govTeam.reviewer;
    const signer = dept.code === "kjj" ? actorFromUser(await addUser(org, "kjj.signer", "科技局局长", "signer"), null) : govTeam.signer;
    if (dept.code === "kjj") await addUser(org, "kjj.viewer", "科技局查阅人员", "viewer");
    teams.set(dept.code, { org, editor, reviewer, signer, admin: adminActor });
  }

  const caller = (actor: Actor): Caller => ({
    actor,
    audit: { ...SYSTEM_AUDIT, actorKind: "user", actorId: actor.userId, actorName: actor.displayName },
    now,
    lang: "zh",
  });
  let reports = 0;
  const previous = new Map<string, ReportDocument>();
  let fixtureError: string | undefined;
  let seed = 100;

  /** The fixture imported as the science bureau's draft, which its next year continues from; or why not. */
  const importFixture = async (team: Team, fixture: NonNullable<SeedOptions["fixture"]>): Promise<string | undefined> => {
    try {
      const imported = await importFile(db, team.org, { data: fixture.data, filename: fixture.filename }, caller(team.editor));
      previous.set(SCIENCE, (await getRevision(db, imported.report.id, imported.revision)).document);
      reports += 1;
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };

  const years = demoYears(now);
  const working = demoWorkingYear(now);
  const science = teams.get(SCIENCE);
  // Once the fixture's year is older than the demo's, it is imported first: still the science bureau's
  // own report, and the one its first demo year follows.
  if (options.fixture && science && !years.includes(FIXTURE_YEAR)) fixtureError = await importFixture(science, options.fixture);
  for (const year of years) {
    for (const [code, team] of teams) {
      seed += 1;
      const state = year === working ? (WORKING_YEAR_STATE[code] ?? "published") : "published";
      if (state === "none") continue;
      if (code === SCIENCE && year === FIXTURE_YEAR && options.fixture) {
        fixtureError = await importFixture(team, options.fixture);
        if (!fixtureError) continue;
        // A fixture the importer refuses does not stop the demo: that report is then made like the others.
      }
      const created = await createDraft(db, team.org, year, caller(team.editor));
      let doc = demoDocument(team.org, year, seed, previous.get(code) ?? null);
      if (state === "errors") doc = breakDocument(doc);
      const saved = await saveDraft(db, created.report, { baseRevision: 1, document: doc, note: "填报" }, caller(team.editor));
      previous.set(code, doc);
      reports += 1;
      if (state === "draft" || state === "errors") continue;
      const findings = await validateForRevision(db, saved.report, doc, caller(team.editor));
      await explainWarnings(db, saved.report, findings, team.editor);
      let report = await takeStep(db, saved.report, "submit", { revision: saved.revision }, caller(team.editor));
      if (state === "submitted") continue;
      report = await takeStep(db, report, "review", { revision: report.currentRevision, comment: "同意" }, caller(team.reviewer));
      if (state === "reviewed") continue;
      report = await takeStep(db, report, "sign", { revision: report.currentRevision, comment: "同意发布" }, caller(team.signer));
      if (state === "signed") continue;
      const onTime = isoDate(year + 1, team.org.kind === "government" ? 3 : 1, 20 + (seed % 8));
      const publishedOn = state === "late" ? isoDate(year + 1, 2, 10 + (seed % 15)) : onTime;
      await takeStep(db, report, "publish", { revision: report.currentRevision, publishedOn }, caller(team.admin));
    }
  }

  // One correction: the education bureau's report of two years before the working one, published again
  // in March of the year after it with a 更正说明.
  const edu = teams.get("jyj")!;
  const corrected = working - 2;
  const published = await findReportByOrgYear(db, edu.org.id, corrected);
  if (published) {
    let report = await takeStep(
      db,
      published,
      "correct",
      { revision: published.currentRevision, comment: "更正第五部分表述错误" },
      caller(edu.editor),
    );
    const current = await getRevision(db, report.id, report.currentRevision);
    const correction = {
      ...current.document,
      publishedAt: null,
      sections: { ...current.document.sections, problems: `${current.document.sections.problems}（已更正）` },
    };
    const saved = await saveDraft(
      db,
      report,
      { baseRevision: report.currentRevision, document: correction, note: "更正" },
      caller(edu.editor),
    );
    await explainWarnings(db, saved.report, saved.findings, edu.editor);
    report = await takeStep(db, saved.report, "submit", { revision: saved.revision }, caller(edu.editor));
    report = await takeStep(db, report, "review", { revision: report.currentRevision }, caller(edu.reviewer));
    report = await takeStep(db, report, "sign", { revision: report.currentRevision }, caller(edu.signer));
    await takeStep(
      db,
      await getReport(db, report.id),
      "publish",
      { revision: report.currentRevision, publishedOn: isoDate(corrected + 1, 3, 15) },
      caller(edu.admin),
    );
  }
  return {
    created: true,
    users,
    reports,
    fixtureImported: Boolean(options.fixture) && !fixtureError,
    ...(fixtureError ? { fixtureError } : {}),
  };
}
