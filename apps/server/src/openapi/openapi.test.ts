/**
 * The OpenAPI document: valid OpenAPI 3.1 (checked against the official schema), every procedure of
 * the router in it with its method, summary and access, every reference resolving, its examples
 * valid against its own schemas — and real answers of the running server valid against it, so the
 * document describes the wire as it is. The HTML reference is served offline.
 */
import { createHash } from "node:crypto";
import { appRouter } from "@nianbao/api";
import { FORMAT_VERSIONS } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROCEDURE_DOCS } from "./procedures";
import { startServer, type TestServer } from "../test-support/server";

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, unknown> };
};

const routerProcedures = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, { _def: { type: string } }> }).procedures,
).map(([path, p]) => ({ path, method: p._def.type === "query" ? "get" : "post" }));

/** JSON Pointer escaping of one path segment. */
const pointer = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

describe("OpenAPI document and reference", () => {
  let s: TestServer;
  let doc: Doc;
  let viewerToken: string;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false, inlineRefs: false });

  /** A validator for a schema inside the document (JSON Pointer below the document root). */
  const schemaAt = (...segments: string[]) => ajv.compile({ $ref: `openapi.json#/${segments.map(pointer).join("/")}` });
  const answerSchema = (path: string, method: string) =>
    schemaAt("paths", `/trpc/${path}`, method, "responses", "200", "content", "application/json", "schema");
  const errorSchema = () => schemaAt("components", "schemas", "Error");

  beforeAll(async () => {
    s = await startServer("sqlite");
    const response = await fetch(`${s.base}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    doc = (await response.json()) as Doc;
    ajv.addSchema(doc as object, "openapi.json");
    await s.login("admin");
    const created = await s.call("mutation", "tokens.create", { orgId: s.districtId, name: "统计系统", role: "viewer" }, "admin");
    viewerToken = (created.body!.result!.data as { token: string }).token;
  });
  afterAll(async () => {
    await s?.close();
  });

  it("validates as OpenAPI 3.1", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("lists every procedure of the router, with its method, a summary and who may call it", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ path: path.replace("/trpc/", ""), method })),
    );
    expect(documented.sort((a, b) => a.path.localeCompare(b.path))).toEqual(
      [...routerProcedures].sort((a, b) => a.path.localeCompare(b.path)),
    );
    expect(Object.keys(PROCEDURE_DOCS).sort()).toEqual(routerProcedures.map((p) => p.path).sort());
    for (const { path, method } of routerProcedures) {
      const op = doc.paths[`/trpc/${path}`]![method]!;
      expect(op.operationId).toBe(path);
      expect(op.summary).toBe(PROCEDURE_DOCS[path]!.summary);
      expect(op["x-nianbao-access"]).toEqual(PROCEDURE_DOCS[path]!.access);
      if (PROCEDURE_DOCS[path]!.access === "public") expect(op.security).toEqual([]);
      else expect(op.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
      // Mutations take an Idempotency-Key; every operation documents its errors and the rate limit.
      const parameters = JSON.stringify(op.parameters ?? []);
      expect(parameters.includes("#/components/parameters/IdempotencyKey")).toBe(method === "post");
      expect(Object.keys(op.responses as object)).toEqual(expect.arrayContaining(["200", "400", "429", "500"]));
    }
  });

  it("resolves every reference", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(100);
    for (const ref of new Set(refs)) {
      let node: unknown = doc;
      for (const segment of ref.split("/"))
        node = (node as Record<string, unknown> | undefined)?.[segment.replaceAll("~1", "/").replaceAll("~0", "~")];
      expect(node, ref).toBeDefined();
    }
  });

  it("gives examples that its own schemas accept", () => {
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const base = ["paths", path, method];
        const body = (op.requestBody as { content: { "application/json": { example?: unknown } } } | undefined)?.content[
          "application/json"
        ];
        const params = (op.parameters ?? []) as { name?: string; content?: { "application/json": { example?: unknown } } }[];
        const query = params.findIndex((p) => p.name === "input");
        const examples: [string[], unknown][] = [];
        if (body?.example !== undefined) examples.push([[...base, "requestBody", "content", "application/json", "schema"], body.example]);
        if (query >= 0 && params[query]!.content!["application/json"].example !== undefined) {
          examples.push([
            [...base, "parameters", String(query), "content", "application/json", "schema"],
            params[query]!.content!["application/json"].example,
          ]);
        }
        const answer = (op.responses as Record<string, { content?: { "application/json": { example?: unknown } } }>)["200"]!.content![
          "application/json"
        ];
        if (answer.example !== undefined)
          examples.push([[...base, "responses", "200", "content", "application/json", "schema"], answer.example]);
        for (const [where, example] of examples) {
          const validate = schemaAt(...where);
          expect(validate(example), `${where.join(" ")}: ${ajv.errorsText(validate.errors)}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
    const errorExample = (doc.components.schemas.Error as { examples: unknown[] }).examples[0];
    expect(errorSchema()(errorExample)).toBe(true);
  });

  it("describes the report document of every format, and refuses what the API refuses", () => {
    const validate = schemaAt("components", "schemas", "ReportDocument");
    for (const version of FORMAT_VERSIONS) {
      const document = sampleReport({ formatVersion: version, year: version === "2019" ? 2020 : 2024, seed: 7 });
      expect(validate(document), `${version}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(validate({ ...document, tables: { ...document.tables, applications: "many" } }), version).toBe(false);
    }
    expect(validate({ ...sampleReport({ formatVersion: "2021", year: 2024, seed: 7 }), formatVersion: "1999" })).toBe(false);
  });

  it("describes the answers the server really gives a service with a viewer token", async () => {
    const auth = { authorization: `Bearer ${viewerToken}` };
    const calls: [string, unknown][] = [
      ["auth.me", {}],
      ["stats.progress", { year: 2024 }],
      ["aggregate.get", { year: 2024 }],
      ["reports.list", { year: 2024 }],
      ["orgs.tree", {}],
      ["openData.list", { year: 2024 }],
    ];
    for (const [path, input] of calls) {
      const answer = await s.call("query", path, input, undefined, auth);
      expect(answer.status, path).toBe(200);
      const validate = answerSchema(path, "get");
      expect(validate(answer.body), `${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    // Errors too: a malformed input (400 with fieldErrors), a role the token lacks (403), a rate refusal shape.
    const bad = await s.call("query", "stats.progress", { year: 1900 }, undefined, auth);
    expect(bad.status).toBe(400);
    expect(errorSchema()(bad.body)).toBe(true);
    expect(bad.body!.error!.data.fieldErrors).toBeDefined();
    const forbidden = await s.call("query", "audit.list", {}, undefined, auth);
    expect(forbidden.status).toBe(403);
    expect(errorSchema()(forbidden.body)).toBe(true);
    // A validator that accepts anything would pass the above: the schema must also refuse a wrong answer.
    expect(answerSchema("stats.progress", "get")({ result: { data: { year: "2024" } } })).toBe(false);
  });

  it("serves the reference as one offline HTML page", async () => {
    const response = await fetch(`${s.base}/docs/api`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    for (const { path } of routerProcedures) expect(html).toContain(`id="${path}"`);
    expect(html).toContain("幂等键");
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
    // The CSP allows exactly the page's one inline style.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain(`style-src 'sha256-${createHash("sha256").update(style).digest("base64")}'`);
    expect(csp).toContain("default-src 'none'");
  });
});
