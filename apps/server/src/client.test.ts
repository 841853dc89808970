/**
 * @nianbao/client against a real server holding the demo district: the example program runs as a
 * service would run it (its own process, a viewer token) and writes the roll-up the server computes;
 * a save whose answer is lost on the way back is retried by the client and made once.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { seedDemo } from "@nianbao/demo";
import { Ajv2020 } from "ajv/dist/2020.js";
import { createClient } from "@nianbao/client";
import { workingYear } from "@nianbao/core";
import { createTestDb, type TestDb } from "@nianbao/db/testing";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "./app";
import { FAST, PASSWORD } from "./test-support/server";

const CLIENT_DIR = fileURLToPath(new URL("../../../packages/client/", import.meta.url));
/** The demo's working year (its clock is the real one here): the year before it is published throughout. */
const WORKING_YEAR = workingYear();
const YEAR = WORKING_YEAR - 1;

describe("the typed client on the demo district", () => {
  let test: TestDb;
  let app: FastifyInstance;
  let base: string;
  let cookie: string;
  const scratch = mkdtempSync(join(tmpdir(), "nianbao-client-"));

  async function post(path: string, input: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${base}/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(input),
    });
    return { response, body: (await response.json()) as { result: { data: Record<string, unknown> } } };
  }

  async function token(orgName: string, role: string): Promise<string> {
    const viewer = await fetch(`${base}/trpc/orgs.tree`, { headers: { cookie } });
    const tree = ((await viewer.json()) as { result: { data: { id: string; name: string; children: { id: string; name: string }[] } } })
      .result.data;
    const org = [tree, ...tree.children].find((o) => o.name === orgName)!;
    const created = await post("tokens.create", { orgId: org.id, name: `对接测试 ${role}`, role }, { cookie });
    return created.body.result.data.token as string;
  }

  beforeAll(async () => {
    test = await createTestDb("sqlite");
    await seedDemo(test.db, { adminPassword: PASSWORD, passwordHashing: FAST });
    app = await buildServer({
      db: test.db,
      logger: pino({ level: "silent" }),
      bodyLimit: 10 * 1024 * 1024,
      cookieSecure: false,
      corsOrigins: [],
      apiConfig: { passwordHashing: FAST },
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const login = await post("auth.login", { username: "admin", password: PASSWORD });
    cookie = login.response.headers.get("set-cookie")!.split(";")[0]!;
  });
  afterAll(async () => {
    await app?.close();
    await test?.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("runs the example: a year's progress listed, the region's roll-up saved as CSV", async () => {
    const viewer = await token("示范区人民政府", "viewer");
    const out = join(scratch, "rollup.csv");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "examples/progress-and-rollup.ts", String(YEAR), out],
      {
        cwd: CLIENT_DIR,
        env: { ...process.env, NIANBAO_URL: base, NIANBAO_TOKEN: viewer },
      },
    );
    // What the server says, asked directly, is what the example printed and wrote.
    const auth = { authorization: `Bearer ${viewer}` };
    const ask = async (path: string) =>
      (
        (await (
          await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ year: YEAR }))}`, { headers: auth })
        ).json()) as { result: { data: never } }
      ).result.data;
    const progress: { rows: { orgName: string }[]; totals: { organisations: number } } = await ask("stats.progress");
    const rollUp: { cells: Record<string, { value: number | string | null; reported: number }>; inputs: unknown[] } =
      await ask("aggregate.get");

    expect(stdout).toContain(`示范区人民政府 ${YEAR} 年度报告填报进度`);
    for (const row of progress.rows) expect(stdout).toContain(row.orgName);
    expect(stdout).toContain(`共 ${progress.totals.organisations} 个单位`);
    expect(rollUp.inputs.length).toBeGreaterThan(0);

    const csv = readFileSync(out, "utf8");
    expect(csv.startsWith("\uFEFF单元格,合计,已填报单位数,未填写单位数\r\n")).toBe(true);
    const rows = new Map(
      csv
        .slice(1)
        .trim()
        .split("\r\n")
        .slice(1)
        .map((line) => [line.split(",")[0]!, line.split(",")]),
    );
    expect(rows.size).toBe(Object.keys(rollUp.cells).length);
    for (const [cellId, cell] of Object.entries(rollUp.cells)) {
      expect(rows.get(cellId)?.slice(1, 3), cellId).toEqual([cell.value === null ? "" : String(cell.value), String(cell.reported)]);
    }
  });

  it("retries a save whose answer was lost, with the same Idempotency-Key: one revision", async () => {
    const editor = await token("示范区科学技术局", "editor");
    const keys: string[] = [];
    let lose = false;
    // The request reaches the server and is done; the answer is lost on the way back.
    const flaky: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === "POST") keys.push(new Headers(init.headers).get("idempotency-key")!);
      if (lose && init?.method === "POST") {
        lose = false;
        await response.body?.cancel();
        throw new TypeError("fetch failed: connection reset");
      }
      return response;
    };
    const nianbao = createClient({ url: base, token: editor, fetch: flaky, retry: { baseDelayMs: 10 } });
    // Next year's report: the demo has none yet.
    const created = await nianbao.reports.create.mutate({ orgId: (await nianbao.auth.me.query()).org.id, year: WORKING_YEAR + 1 });
    const current = await nianbao.reports.get.query({ id: created.report.id });
    const before = (await nianbao.reports.history.query({ id: created.report.id })).revisions.length;

    lose = true;
    keys.length = 0;
    const saved = await nianbao.reports.update.mutate({
      id: created.report.id,
      baseRevision: current.revision.revisionNo,
      document: current.document,
      note: "网络中断后重试",
    });
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const history = await nianbao.reports.history.query({ id: created.report.id });
    expect(history.revisions).toHaveLength(before + 1);
    expect(saved.revision).toBe(history.revisions.at(-1)!.revisionNo);

    // Each call has its own key: the next save is a new request, not a replay.
    const next = await nianbao.reports.update.mutate({
      id: created.report.id,
      baseRevision: saved.revision,
      document: current.document,
      note: "再次保存",
    });
    expect(next.revision).toBe(saved.revision + 1);
    expect(new Set(keys).size).toBe(2);
  });

  it("gets answers on real demo data that the OpenAPI document describes", async () => {
    const viewer = await token("示范区人民政府", "viewer");
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as object;
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false, inlineRefs: false });
    ajv.addSchema(doc, "openapi.json");
    const query = async (path: string, input: unknown) => {
      const response = await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
        headers: { authorization: `Bearer ${viewer}` },
      });
      expect(response.status, path).toBe(200);
      const body = (await response.json()) as { result: { data: unknown } };
      const validate = ajv.compile({ $ref: `openapi.json#/paths/~1trpc~1${path}/get/responses/200/content/application~1json/schema` });
      expect(validate(body), `${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      return body.result.data;
    };
    await query("stats.progress", { year: YEAR });
    await query("aggregate.get", { year: YEAR });
    const reports = (await query("reports.list", { year: YEAR })) as { id: string; status: string }[];
    const published = reports.find((r) => r.status === "published")!;
    await query("reports.get", { id: published.id });
    await query("reports.history", { id: published.id });
    await query("openData.get", { id: published.id });
  });
});
