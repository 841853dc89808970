/**
 * The API reference as one HTML page, rendered from the OpenAPI document: every procedure with its
 * method and path, who may call it, its input and output fields, an example and a curl line. No
 * script and no external asset, so it works offline and under a strict Content-Security-Policy.
 */
import { createHash } from "node:crypto";
import type { OpenApiDocument } from "./document";

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  additionalProperties?: Schema | boolean;
  format?: string;
};
type Operation = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: { name?: string; content?: Record<string, { schema: Schema; example?: unknown }> }[];
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: Schema; example?: unknown }> }>;
  "x-nianbao-service"?: boolean;
};

const STYLE = `body{font:15px/1.6 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2328}
main{max-width:1080px;margin:0 auto;padding:24px}h1{margin-top:0}h2{border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:40px}
h3{margin:28px 0 6px;font-size:17px}code,pre{font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;background:#f6f8fa;border-radius:4px}
code{padding:1px 4px}pre{padding:10px;overflow:auto}table{border-collapse:collapse;width:100%;margin:6px 0 12px}
th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top;font-size:14px}th{background:#f6f8fa}
.m{display:inline-block;min-width:46px;text-align:center;color:#fff;border-radius:4px;padding:0 6px;margin-right:6px;font-size:13px}
.get{background:#1a7f37}.post{background:#0969da}.svc{color:#9a6700;font-size:13px;margin-left:8px}.toc{columns:3 240px}.toc li{break-inside:avoid}`;

/** The page's Content-Security-Policy: its one inline style, nothing else. */
export const REFERENCE_CSP = `default-src 'none'; style-src 'sha256-${createHash("sha256").update(STYLE).digest("base64")}'; frame-ancestors 'none'`;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The document's prose uses a little Markdown: `code`, **bold**, "- " lists. */
function prose(text: string): string {
  const inline = (line: string) =>
    escape(line)
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
  const out: string[] = [];
  let list = false;
  for (const line of text.split("\n")) {
    const item = /^\s*- (.*)$/.exec(line);
    if (item && !list) out.push("<ul>");
    if (!item && list) out.push("</ul>");
    list = Boolean(item);
    if (item) out.push(`<li>${inline(item[1]!)}`);
    else if (/^\s+\S/.test(line) && out.length) out.push(inline(line));
    else if (line.trim()) out.push(`<p>${inline(line)}</p>`);
  }
  if (list) out.push("</ul>");
  return out.join("\n");
}

function resolve(doc: OpenApiDocument, schema: Schema | undefined): Schema | undefined {
  const name = schema?.$ref?.replace("#/components/schemas/", "");
  return name ? ((doc.components.schemas as Record<string, Schema>)[name] ?? schema) : schema;
}

function typeLabel(schema: Schema | undefined): string {
  if (!schema) return "任意";
  if (schema.$ref) return schema.$ref.replace("#/components/schemas/", "");
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map(typeLabel).join(" | ");
  if (schema.type === "array") return `${typeLabel(schema.items)}[]`;
  if (schema.type === "object") {
    if (schema.properties) return "object";
    if (typeof schema.additionalProperties === "object") return `{ [键]: ${typeLabel(schema.additionalProperties)} }`;
    return "object";
  }
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  return schema.type ? `${schema.type}${schema.format ? ` (${schema.format})` : ""}` : "任意";
}

/** Field rows, one level of nested objects (and arrays of objects) spelled out as `a.b` / `a[].b`. */
function fieldRows(doc: OpenApiDocument, schema: Schema | undefined, prefix = "", depth = 0): string[] {
  const object = resolve(doc, schema);
  if (!object?.properties) return [];
  return Object.entries(object.properties).flatMap(([name, field]) => {
    const required = object.required?.includes(name) ? "是" : "";
    const row = `<tr><td><code>${escape(prefix + name)}</code></td><td>${escape(typeLabel(field))}</td><td>${required}</td><td>${escape(field.description ?? "")}</td></tr>`;
    if (depth >= 1 || field.$ref) return [row];
    const inner = field.type === "array" ? field.items : field;
    const nested =
      inner && !inner.$ref && inner.properties
        ? fieldRows(doc, inner, `${prefix}${name}${field.type === "array" ? "[]" : ""}.`, depth + 1)
        : [];
    return [row, ...nested];
  });
}

function fieldTable(doc: OpenApiDocument, title: string, schema: Schema | undefined): string {
  const rows = fieldRows(doc, schema);
  if (!rows.length) return schema ? `<p>${title}：<code>${escape(typeLabel(schema))}</code></p>` : "";
  // Outputs carry no descriptions yet: no empty column for them.
  const described = rows.some((row) => !row.endsWith("<td></td></tr>"));
  const body = described ? rows : rows.map((row) => row.replace(/<td><\/td><\/tr>$/, "</tr>"));
  return `<p><strong>${title}</strong></p><table><thead><tr><th>字段</th><th>类型</th><th>必填</th>${described ? "<th>说明</th>" : ""}</tr></thead><tbody>${body.join("")}</tbody></table>`;
}

function curl(method: string, path: string, input: unknown): string {
  const auth = "-H 'authorization: Bearer nbk_…'";
  const json = JSON.stringify(input ?? {});
  if (method === "get") return `curl ${auth} -G http://127.0.0.1:4000${path} --data-urlencode 'input=${json}'`;
  return `curl ${auth} -H 'content-type: application/json' -H "idempotency-key: $(uuidgen)" \\\n  -d '${json}' http://127.0.0.1:4000${path}`;
}

function operationHtml(doc: OpenApiDocument, path: string, method: string, op: Operation): string {
  const input =
    op.requestBody?.content["application/json"] ?? op.parameters?.find((p) => p.name === "input")?.content?.["application/json"];
  const output = op.responses["200"]?.content?.["application/json"];
  const data = (output?.schema.properties?.result as Schema | undefined)?.properties?.data;
  const outputExample = (output?.example as { result?: { data?: unknown } } | undefined)?.result?.data;
  return [
    `<h3 id="${escape(op.operationId)}"><span class="m ${method}">${method.toUpperCase()}</span><code>${escape(path)}</code>${op["x-nianbao-service"] ? '<span class="svc">常用于系统对接</span>' : ""}</h3>`,
    `<p>${escape(op.summary)}</p>`,
    prose(op.description),
    fieldTable(doc, "输入", input?.schema),
    fieldTable(doc, "输出（result.data）", data),
    `<pre>${escape(curl(method, path, input?.example))}</pre>`,
    outputExample === undefined ? "" : `<p><strong>输出示例</strong></p><pre>${escape(JSON.stringify(outputExample, null, 2))}</pre>`,
  ].join("\n");
}

export function renderReference(doc: OpenApiDocument): string {
  const info = doc.info as { title: string; version: string; description: string };
  const tags = doc.tags as { name: string; description: string }[];
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as unknown as Operation })),
  );
  const sections = tags.map((tag) => {
    const ops = operations.filter((o) => o.op.tags[0] === tag.name);
    return `<h2 id="tag-${escape(tag.name)}">${escape(tag.name)} — ${escape(tag.description)}</h2>\n${ops.map((o) => operationHtml(doc, o.path, o.method, o.op)).join("\n")}`;
  });
  const toc = tags
    .map((tag) => {
      const ops = operations.filter((o) => o.op.tags[0] === tag.name);
      return `<li><a href="#tag-${escape(tag.name)}">${escape(tag.name)}</a><ul>${ops.map((o) => `<li><a href="#${escape(o.op.operationId)}">${escape(o.op.operationId)}</a></li>`).join("")}</ul></li>`;
    })
    .join("");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(info.title)} 接口参考</title><style>${STYLE}</style></head>
<body><main>
<h1>${escape(info.title)} 接口参考 <small>${escape(info.version)}</small></h1>
${prose(info.description)}
<p>机器可读的契约：<a href="/openapi.json">/openapi.json</a>（OpenAPI 3.1，可据此生成 Java、Python 等客户端）。</p>
<ul class="toc">${toc}</ul>
${sections.join("\n")}
</main></body></html>
`;
}
