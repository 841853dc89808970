/**
 * The OpenAPI 3.1 document of the API, built from the router itself: each procedure's zod input and
 * output parsers (from `appRouter._def`) become JSON Schema (zod's own converter, draft 2020-12, which
 * OpenAPI 3.1 uses), and `procedures.ts` adds what the parsers cannot say — summary, roles, examples.
 * It describes the wire format that exists (tRPC over plain JSON): a query is
 * `GET /trpc/<procedure>?input=<JSON>`, a mutation `POST /trpc/<procedure>` with a JSON body, an
 * answer is `{ "result": { "data": … } }`, an error `{ "error": { message, code, data } }`.
 */
import { appRouter } from "@nianbao/api";
import { documentSchemaFor, FORMAT_VERSIONS, findingSchema, reportDocumentSchema } from "@nianbao/core";
import { z } from "zod";
import { IDEMPOTENCY_HEADER } from "../idempotency";
import { INPUT_FIELD_DOCS, type ProcedureDoc, PROCEDURE_DOCS, TAGS } from "./procedures";
import { errorBodySchema } from "./schemas";
import { ERROR_RESPONSES, INFO, SECURITY_SCHEMES } from "./text";

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;

interface ProcedureDef {
  type: "query" | "mutation" | "subscription";
  inputs: z.ZodType[];
  output?: z.ZodType;
}

interface ServiceProcedure {
  path: string;
  type: "query" | "mutation";
  input: z.ZodType | null;
  output: z.ZodType | null;
}

/** Every procedure of the router with its input (the merged `.input()` parsers) and output parser. */
function routerProcedures(): ServiceProcedure[] {
  const procedures = (appRouter._def as unknown as { procedures: Record<string, { _def: ProcedureDef }> }).procedures;
  return Object.entries(procedures).map(([path, { _def }]) => {
    if (_def.type === "subscription") throw new Error(`subscriptions have no HTTP form: ${path}`);
    return { path, type: _def.type, input: mergeInputs(_def.inputs), output: _def.output ?? null };
  });
}

/**
 * tRPC parses the raw input with each `.input()` in turn (the procedure kind's, then the procedure's)
 * and merges the results: as one schema, that is the objects' fields together, later ones winning.
 */
function mergeInputs(inputs: z.ZodType[]): z.ZodType | null {
  if (inputs.length <= 1) return inputs[0] ?? null;
  if (inputs.every((input) => input instanceof z.ZodObject)) {
    return z.object(Object.assign({}, ...inputs.map((input) => (input as z.ZodObject).shape)));
  }
  return inputs.reduce((all, input) => z.intersection(all, input));
}

const SHARED = { ReportDocument: reportDocumentSchema, Finding: findingSchema } as const;

/**
 * The report document parses by the schema of the format it names (a run-time dispatch zod cannot
 * describe), so its JSON Schema is written out here: one alternative per registered format.
 */
function reportDocumentJson(io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(z.union(FORMAT_VERSIONS.map((version) => documentSchemaFor(version))), {
    io,
    unrepresentable: "any",
  });
  return { ...schema, description: "年度报告文档：formatVersion 决定表格的结构（见 spec/CONTRACT.md 与 spec/formats.json）" };
}
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const componentName = (path: string, io: "Input" | "Output") => `${path}.${io}`;

/**
 * One registry per direction (a schema with defaults reads differently as input and as output), so
 * shared schemas become components referenced everywhere rather than copied into every procedure.
 */
function convert(procedures: ServiceProcedure[], io: "input" | "output", extra: Record<string, z.ZodType>): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries({ ...SHARED, ...extra })) registry.add(schema, { id });
  for (const procedure of procedures) {
    const schema = io === "input" ? procedure.input : procedure.output;
    if (schema && !registry.has(schema)) registry.add(schema, { id: componentName(procedure.path, io === "input" ? "Input" : "Output") });
  }
  const marker = io === "output" ? "~out" : "";
  const { schemas } = z.toJSONSchema(registry, {
    io,
    // z.unknown() refinements and the like: any JSON, described by the procedure's text.
    unrepresentable: "any",
    override: (ctx) => {
      if ((ctx.zodSchema as unknown) === reportDocumentSchema) Object.assign(ctx.jsonSchema, reportDocumentJson(io));
    },
    uri: (id) => `#/components/schemas/${id in SHARED ? id + marker : id}`,
  });
  return schemas as Record<string, JsonSchema>;
}

/** Move each schema's own `$defs` (recursive shapes) into the components, under prefixed names. */
function hoistDefs(schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const { $defs, $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const rename = (text: string) => text.replaceAll('"#/$defs/', `"#/components/schemas/${name}.`);
    out[name] = JSON.parse(rename(JSON.stringify(rest))) as JsonSchema;
    for (const [def, body] of Object.entries($defs ?? {})) out[`${name}.${def}`] = JSON.parse(rename(JSON.stringify(body))) as JsonSchema;
  }
  return out;
}

/** The common input fields get their meaning written next to them (the parsers carry none). */
function describeInputFields(inputs: Record<string, JsonSchema>): Record<string, JsonSchema> {
  for (const [name, schema] of Object.entries(inputs)) {
    const properties = name.endsWith(".Input") ? (schema.properties as Record<string, JsonSchema> | undefined) : undefined;
    for (const [field, property] of Object.entries(properties ?? {})) {
      if (INPUT_FIELD_DOCS[field] && property.description === undefined) property.description = INPUT_FIELD_DOCS[field];
    }
  }
  return inputs;
}

/** Input and output schemas in one set; a shared schema that reads the same both ways is listed once. */
function components(procedures: ServiceProcedure[]): Record<string, JsonSchema> {
  const inputs = describeInputFields(hoistDefs(convert(procedures, "input", {})));
  let outputs = JSON.stringify(hoistDefs(convert(procedures, "output", { Error: errorBodySchema })));
  for (const name of Object.keys(SHARED)) {
    const asOutput = (JSON.parse(outputs) as Record<string, JsonSchema>)[name];
    const same = JSON.stringify(asOutput).replaceAll("~out", "") === JSON.stringify(inputs[name]);
    outputs = outputs.replaceAll(`"#/components/schemas/${name}~out"`, `"#/components/schemas/${same ? name : `${name}Output`}"`);
    if (!same) outputs = outputs.replace(`"${name}":`, `"${name}Output":`);
  }
  return { ...inputs, ...(JSON.parse(outputs.replaceAll("~out", "")) as Record<string, JsonSchema>) };
}

function rolesText(doc: ProcedureDoc): string {
  if (doc.access === "public") return "无需登录。";
  if (doc.access === "signedIn") return "任何已登录的用户或令牌。";
  return `角色：${doc.access.join("、")}；目标须在调用者所属组织及其下级之内。`;
}

function operation(procedure: ServiceProcedure, doc: ProcedureDoc | undefined, schemas: Record<string, JsonSchema>): Operation {
  const [tag] = procedure.path.split(".");
  const inputName = procedure.input ? componentName(procedure.path, "Input") : null;
  const inputSchema = inputName && schemas[inputName] ? ref(inputName) : procedure.input && sharedRef(procedure.input);
  const outputName = componentName(procedure.path, "Output");
  const data = schemas[outputName] ? ref(outputName) : {};
  const access = doc?.access ?? [];
  const isPublic = access === "public";
  const mutation = procedure.type === "mutation";
  const errors = ["400", ...(isPublic ? [] : ["401", "403"]), "404", ...(mutation ? ["409", "412", "422"] : []), "429", "500"];
  const example = doc?.example;
  const parameters: Operation[] = [];
  if (!mutation && inputSchema) {
    parameters.push({
      name: "input",
      in: "query",
      required: Array.isArray((schemas[inputName ?? ""] as { required?: unknown } | undefined)?.required),
      description: "输入，JSON 序列化后再做 URL 编码",
      content: { "application/json": { schema: inputSchema, ...(example?.input ? { example: example.input } : {}) } },
    });
  }
  if (mutation) parameters.push({ $ref: "#/components/parameters/IdempotencyKey" });
  return {
    operationId: procedure.path,
    tags: [tag],
    summary: doc?.summary ?? procedure.path,
    description: [doc?.description, rolesText(doc ?? { summary: "", access: [] })].filter(Boolean).join("\n\n"),
    "x-nianbao-access": access,
    ...(doc?.service ? { "x-nianbao-service": true } : {}),
    security: isPublic ? [] : [{ bearerToken: [] }, { sessionCookie: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(mutation && inputSchema
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: inputSchema, ...(example?.input ? { example: example.input } : {}) } },
          },
        }
      : {}),
    responses: {
      "200": {
        description: "成功：结果在 result.data",
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["result"],
              properties: { result: { type: "object", required: ["data"], properties: { data } } },
            },
            ...(example?.output ? { example: { result: { data: example.output } } } : {}),
          },
        },
      },
      ...Object.fromEntries(errors.map((status) => [status, { $ref: `#/components/responses/${status}` }])),
    },
  };
}

/** An input that is itself a shared schema (none today) is referenced by its component name. */
function sharedRef(schema: z.ZodType): JsonSchema | null {
  const name = Object.entries(SHARED).find(([, shared]) => shared === schema)?.[0];
  return name ? ref(name) : null;
}

export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, unknown>;
  [key: string]: unknown;
}

export function buildOpenApiDocument(version: string): OpenApiDocument {
  const procedures = routerProcedures();
  const schemas = components(procedures);
  const paths: OpenApiDocument["paths"] = {};
  for (const procedure of procedures) {
    paths[`/trpc/${procedure.path}`] = {
      [procedure.type === "query" ? "get" : "post"]: operation(procedure, PROCEDURE_DOCS[procedure.path], schemas),
    };
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    info: { ...INFO, version },
    servers: [{ url: "/", description: "本服务器" }],
    tags: TAGS,
    paths,
    components: {
      schemas,
      securitySchemes: SECURITY_SCHEMES,
      parameters: {
        IdempotencyKey: {
          name: IDEMPOTENCY_HEADER,
          in: "header",
          required: false,
          description:
            "幂等键（建议 UUID，1–255 个可见 ASCII 字符）。同一调用者以同一幂等键重发同一请求时，返回第一次的结果而不重复执行（响应头 Idempotent-Replayed: true）；同一幂等键用于不同请求时返回 422；第一次请求仍在处理时返回 409。幂等键保存 24 小时。",
          schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
          example: "3f2b6c1e-8a4d-4f6b-9a51-2d7c0e9b4a10",
        },
      },
      responses: ERROR_RESPONSES,
    },
  };
}
