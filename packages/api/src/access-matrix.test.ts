/**
 * Every procedure × every role × own / other organisation → allowed or FORBIDDEN.
 *
 * The expected roles below are written out here, independently of the router's declarations: the
 * table is the specification the router is checked against. The actor always sits in department A;
 * "own" targets something in A, "other" the same thing in sibling department B. Allowed calls must
 * succeed outright (each case prepares a target in the right state), not merely avoid FORBIDDEN.
 */
import { TEST_DIALECTS } from "@nianbao/db/testing";
import { suiteDb } from "@nianbao/db/testing/suite";
import { ROLES, type Role } from "@nianbao/db";
import { describe, expect, it } from "vitest";
import type { Actor } from "./index";
import { createWorld, errorOf, explainAll, filledDocument, type World } from "./test-support/world";

type Side = "a" | "b";
type Caller = ReturnType<World["call"]>;
type Status = "draft" | "submitted" | "reviewed" | "signed" | "published";

const ALL: Role[] = [...ROLES];
const EDIT: Role[] = ["editor", "admin"];

interface Fixture {
  world: World;
  side: Side;
  orgId: string;
  team: Record<Role, Actor>;
  report(status: Status): Promise<{ id: string; revision: number }>;
}

interface Case {
  procedure: string;
  roles: Role[];
  call(caller: Caller, fx: Fixture): Promise<unknown>;
}

let nextYear = 2021;

async function makeReport(world: World, side: Side, status: Status) {
  const team = side === "a" ? world.inA : world.inB;
  const org = side === "a" ? world.a : world.b;
  const year = nextYear++;
  const { report } = await world.call(team.editor).reports.create({ orgId: org.id, year });
  await world.call(team.editor).reports.update({ id: report.id, baseRevision: 1, document: filledDocument(org, year) });
  let revision = 2;
  if (status === "draft") return { id: report.id, revision };
  await explainAll(world, team.editor, report.id);
  await world.call(team.editor).reports.submit({ id: report.id, revision });
  if (status === "submitted") return { id: report.id, revision };
  await world.call(team.reviewer).reports.review({ id: report.id, revision });
  if (status === "reviewed") return { id: report.id, revision };
  await world.call(team.signer).reports.sign({ id: report.id, revision });
  if (status === "signed") return { id: report.id, revision };
  await world.call(team.admin).reports.publish({ id: report.id, revision, publishedOn: `${year + 1}-01-20` });
  revision += 1;
  return { id: report.id, revision };
}

/** A subscription of the fixture's organisation, made by its own admin. */
async function webhookOf(fx: Fixture): Promise<string> {
  return (await fx.world.call(fx.team.admin).webhooks.create({ orgId: fx.orgId, url: "https://oa.example.gov.cn/hook" })).subscription.id;
}

const CASES: Case[] = [
  { procedure: "orgs.tree", roles: ALL, call: (c, fx) => c.orgs.tree({ orgId: fx.orgId }) },
  {
    procedure: "orgs.create",
    roles: ["admin"],
    call: (c, fx) => c.orgs.create({ parentId: fx.orgId, name: `科室${Math.random()}`, kind: "department" }),
  },
  { procedure: "orgs.update", roles: ["admin"], call: (c, fx) => c.orgs.update({ orgId: fx.orgId, rulemaking: false }) },
  { procedure: "users.list", roles: ["admin"], call: (c, fx) => c.users.list({ orgId: fx.orgId }) },
  {
    procedure: "users.create",
    roles: ["admin"],
    call: (c, fx) =>
      c.users.create({
        orgId: fx.orgId,
        username: `u${Math.random().toString(36).slice(2)}`,
        displayName: "新用户",
        role: "viewer",
        password: "long-enough-1",
      }),
  },
  { procedure: "users.update", roles: ["admin"], call: (c, fx) => c.users.update({ id: fx.team.viewer.userId, displayName: "查阅人员" }) },
  {
    procedure: "users.setPassword",
    roles: ["admin"],
    call: (c, fx) => c.users.setPassword({ id: fx.team.viewer.userId, password: "another-secret-2" }),
  },
  { procedure: "tokens.create", roles: ["admin"], call: (c, fx) => c.tokens.create({ orgId: fx.orgId, name: "统计接口", role: "viewer" }) },
  { procedure: "tokens.list", roles: ["admin"], call: (c, fx) => c.tokens.list({ orgId: fx.orgId }) },
  {
    procedure: "tokens.revoke",
    roles: ["admin"],
    call: async (c, fx) => {
      const { info } = await fx.world.call(fx.team.admin).tokens.create({ orgId: fx.orgId, name: "待撤销", role: "viewer" });
      return c.tokens.revoke({ id: info.id });
    },
  },
  { procedure: "reports.list", roles: ALL, call: (c, fx) => c.reports.list({ orgId: fx.orgId }) },
  { procedure: "reports.page", roles: ALL, call: (c, fx) => c.reports.page({ orgId: fx.orgId, year: 2024 }) },
  { procedure: "reports.get", roles: ALL, call: async (c, fx) => c.reports.get({ id: (await fx.report("draft")).id }) },
  { procedure: "reports.validate", roles: ALL, call: async (c, fx) => c.reports.validate({ id: (await fx.report("draft")).id }) },
  { procedure: "reports.history", roles: ALL, call: async (c, fx) => c.reports.history({ id: (await fx.report("draft")).id }) },
  { procedure: "reports.diff", roles: ALL, call: async (c, fx) => c.reports.diff({ id: (await fx.report("draft")).id, from: 1, to: 2 }) },
  {
    procedure: "reports.export",
    roles: ALL,
    call: async (c, fx) => c.reports.export({ id: (await fx.report("draft")).id, format: "json" }),
  },
  { procedure: "reports.create", roles: EDIT, call: (c, fx) => c.reports.create({ orgId: fx.orgId, year: nextYear++ }) },
  {
    procedure: "reports.update",
    roles: EDIT,
    call: async (c, fx) => {
      const { id, revision } = await fx.report("draft");
      const current = await fx.world.call(fx.team.viewer).reports.get({ id });
      return c.reports.update({ id, baseRevision: revision, document: current.document });
    },
  },
  {
    procedure: "reports.explain",
    roles: EDIT,
    call: async (c, fx) =>
      c.reports.explain({ id: (await fx.report("draft")).id, finding: { ruleId: "R-SIMILAR", cells: [] }, text: "说明" }),
  },
  {
    procedure: "reports.import",
    roles: EDIT,
    call: (c, fx) => {
      const org = fx.side === "a" ? fx.world.a : fx.world.b;
      const data = Buffer.from(JSON.stringify(filledDocument(org, nextYear++))).toString("base64");
      return c.reports.import({ orgId: fx.orgId, filename: "r.json", data });
    },
  },
  {
    procedure: "reports.submit",
    roles: EDIT,
    call: async (c, fx) => {
      const r = await fx.report("draft");
      await explainAll(fx.world, fx.team.editor, r.id);
      return c.reports.submit(r);
    },
  },
  { procedure: "reports.review", roles: ["reviewer"], call: async (c, fx) => c.reports.review(await fx.report("submitted")) },
  {
    procedure: "reports.return",
    roles: ["reviewer"],
    call: async (c, fx) => c.reports.return({ ...(await fx.report("submitted")), comment: "退回修改" }),
  },
  { procedure: "reports.sign", roles: ["signer"], call: async (c, fx) => c.reports.sign(await fx.report("reviewed")) },
  { procedure: "reports.publish", roles: ["admin"], call: async (c, fx) => c.reports.publish(await fx.report("signed")) },
  {
    procedure: "reports.correct",
    roles: EDIT,
    call: async (c, fx) => c.reports.correct({ ...(await fx.report("published")), comment: "更正" }),
  },
  { procedure: "aggregate.get", roles: ALL, call: (c, fx) => c.aggregate.get({ orgId: fx.orgId, year: 2023 }) },
  { procedure: "stats.progress", roles: ALL, call: (c, fx) => c.stats.progress({ orgId: fx.orgId, year: 2023 }) },
  { procedure: "audit.list", roles: ["admin"], call: (c, fx) => c.audit.list({ orgId: fx.orgId }) },
  {
    procedure: "webhooks.create",
    roles: ["admin"],
    call: (c, fx) => c.webhooks.create({ orgId: fx.orgId, url: "https://stats.example.gov.cn/hook" }),
  },
  { procedure: "webhooks.list", roles: ["admin"], call: (c, fx) => c.webhooks.list({ orgId: fx.orgId }) },
  {
    procedure: "webhooks.update",
    roles: ["admin"],
    call: async (c, fx) => c.webhooks.update({ id: await webhookOf(fx), description: "统计系统" }),
  },
  { procedure: "webhooks.pause", roles: ["admin"], call: async (c, fx) => c.webhooks.pause({ id: await webhookOf(fx) }) },
  { procedure: "webhooks.resume", roles: ["admin"], call: async (c, fx) => c.webhooks.resume({ id: await webhookOf(fx) }) },
  { procedure: "webhooks.delete", roles: ["admin"], call: async (c, fx) => c.webhooks.delete({ id: await webhookOf(fx) }) },
  { procedure: "webhooks.deliveries", roles: ["admin"], call: async (c, fx) => c.webhooks.deliveries({ id: await webhookOf(fx) }) },
];

describe.each(TEST_DIALECTS)("access matrix on $dialect", ({ dialect, enabled }) => {
  const test = suiteDb(dialect, enabled);

  it.skipIf(!enabled)("covers every procedure that reaches an organisation's data", async () => {
    const { appRouter } = await import("./index");
    const guarded = Object.keys(appRouter._def.procedures).filter((p) => !p.startsWith("auth.") && !p.startsWith("openData."));
    expect(CASES.map((c) => c.procedure).sort()).toEqual(guarded.sort());
  });

  describe.each(CASES)("$procedure", (testCase) => {
    it.skipIf(!enabled)("allows exactly the listed roles on their own organisation and nobody on another", async () => {
      nextYear = 2021;
      const world = await createWorld(test.db);
      const fixture = (side: Side): Fixture => ({
        world,
        side,
        orgId: side === "a" ? world.a.id : world.b.id,
        team: side === "a" ? world.inA : world.inB,
        report: (status) => makeReport(world, side, status),
      });
      const outcomes: string[] = [];
      for (const role of ROLES) {
        for (const side of ["a", "b"] as const) {
          const error = await errorOf(testCase.call(world.call(world.inA[role]), fixture(side)));
          const expected = side === "a" && testCase.roles.includes(role) ? "ok" : "FORBIDDEN";
          outcomes.push(`${role}/${side === "a" ? "own" : "other"}: ${error ? error.code : "ok"} (expected ${expected})`);
          expect(
            error ? `${error.code}: ${error.message}` : "ok",
            `${testCase.procedure} as ${role} on ${side === "a" ? "own" : "other"} org`,
          ).toBe(expected === "ok" ? "ok" : error ? `FORBIDDEN: ${error.message}` : "FORBIDDEN");
        }
      }
      expect(outcomes).toHaveLength(ROLES.length * 2);
    });
  });

  it.skipIf(!enabled)("lets the district's admin reach every department, and an anonymous caller nothing", async () => {
    const world = await createWorld(test.db);
    nextYear = 2021;
    const report = await makeReport(world, "b", "draft");
    await expect(world.call(world.districtAdmin).reports.get({ id: report.id })).resolves.toBeTruthy();
    expect((await errorOf(world.call(null).reports.get({ id: report.id })))?.code).toBe("UNAUTHORIZED");
    expect((await errorOf(world.call(null).auth.me()))?.code).toBe("UNAUTHORIZED");
  });
});
