/** A small world for router tests: a district, two departments, one user per role in department A. */
import { sampleReport } from "@nianbao/core/testing";
import type { ReportDocument } from "@nianbao/core";
import { createOrganisation, createUser, type Database, type Organisation, type Role, ROLES, SYSTEM_AUDIT } from "@nianbao/db";
import { type Actor, type ApiConfig, createCaller, createContextInner, hashPassword } from "../index";
import { actorFromUser } from "../services/accounts";

/** Cheap argon2 for tests; production uses DEFAULT_CONFIG. */
export const FAST_HASHING = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
/** 2025-01-10 in China: 2024 reports are not yet overdue. */
export const TEST_NOW = Date.parse("2025-01-10T02:00:00Z");
export const PASSWORD = "correct-horse-9";

export interface World {
  db: Database;
  district: Organisation;
  a: Organisation;
  b: Organisation;
  /** One actor per role, all in department A. */
  inA: Record<Role, Actor>;
  /** One actor per role in department B. */
  inB: Record<Role, Actor>;
  districtAdmin: Actor;
  call(actor: Actor | null, config?: Partial<ApiConfig>): ReturnType<typeof createCaller>;
}

let counter = 0;
let passwordHash: Promise<string> | null = null;

export async function createWorld(db: Database): Promise<World> {
  counter += 1;
  passwordHash ??= hashPassword(PASSWORD, FAST_HASHING);
  const hash = await passwordHash;
  const suffix = `${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const district = await createOrganisation(db, { parentId: null, name: `测试区人民政府${suffix}`, kind: "government" }, SYSTEM_AUDIT);
  const a = await createOrganisation(db, { parentId: district.id, name: "测试区教育局", kind: "department" }, SYSTEM_AUDIT);
  const b = await createOrganisation(db, { parentId: district.id, name: "测试区民政局", kind: "department" }, SYSTEM_AUDIT);
  const actors = async (org: Organisation, tag: string) =>
    Object.fromEntries(
      await Promise.all(
        ROLES.map(async (role) => {
          const user = await createUser(
            db,
            { orgId: org.id, username: `${tag}-${role}-${suffix}`, displayName: `${tag}${role}`, role, passwordHash: hash },
            SYSTEM_AUDIT,
          );
          return [role, actorFromUser(user, null)] as const;
        }),
      ),
    ) as Record<Role, Actor>;
  const inA = await actors(a, "a");
  const inB = await actors(b, "b");
  const admin = await createUser(
    db,
    { orgId: district.id, username: `district-admin-${suffix}`, displayName: "公开办", role: "admin", passwordHash: hash },
    SYSTEM_AUDIT,
  );
  const districtAdmin = actorFromUser(admin, null);
  return {
    db,
    district,
    a,
    b,
    inA,
    inB,
    districtAdmin,
    call: (actor, config) =>
      createCaller(
        createContextInner({
          db,
          actor,
          config: { passwordHashing: FAST_HASHING, now: () => TEST_NOW, ...config },
          meta: { ip: "203.0.113.7", requestId: "test" },
        }),
      ),
  };
}

/** A complete, valid document for an organisation and year. */
export function filledDocument(org: Organisation, year: number, seed = year): ReportDocument {
  const doc = sampleReport({ seed, year, agencyName: org.name, agencyKind: org.kind });
  doc.publishedAt = null;
  return doc;
}

/** Explain every warning of the current revision, as an editor would before submitting. */
export async function explainAll(world: World, actor: Actor, id: string): Promise<void> {
  const caller = world.call(actor);
  const { findings } = await caller.reports.validate({ id });
  for (const f of findings.filter((x) => x.severity === "warning")) {
    await caller.reports.explain({
      id,
      finding: { ruleId: f.ruleId, cells: f.cells, ...(f.path ? { path: f.path } : {}) },
      text: "经核实无误",
    });
  }
}

/** Draft → published, each step by the role that owns it. Returns the report id. */
export async function publishReport(world: World, org: "a" | "b", year: number, publishedOn?: string): Promise<string> {
  const team = org === "a" ? world.inA : world.inB;
  const target = org === "a" ? world.a : world.b;
  const created = await world.call(team.editor).reports.create({ orgId: target.id, year });
  const id = created.report.id;
  await world.call(team.editor).reports.update({ id, baseRevision: 1, document: filledDocument(target, year) });
  await explainAll(world, team.editor, id);
  await world.call(team.editor).reports.submit({ id, revision: 2 });
  await world.call(team.reviewer).reports.review({ id, revision: 2 });
  await world.call(team.signer).reports.sign({ id, revision: 2 });
  await world.call(team.admin).reports.publish({ id, revision: 2, ...(publishedOn ? { publishedOn } : {}) });
  return id;
}

export async function errorOf(promise: Promise<unknown>): Promise<{ code: string; cause: unknown; message: string } | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    const e = error as { code?: string; cause?: unknown; message: string };
    return { code: e.code ?? "UNKNOWN", cause: e.cause, message: e.message };
  }
}
