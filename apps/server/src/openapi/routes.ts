/**
 * GET /openapi.json — the OpenAPI 3.1 document; GET /docs/api — the same as a readable HTML page,
 * rendered here from the document (no scripts, nothing fetched from elsewhere).
 */
import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { buildOpenApiDocument, type OpenApiDocument } from "./document";
import { renderReference, REFERENCE_CSP } from "./html";

const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

export function registerOpenApi(app: FastifyInstance): void {
  // Built on first request, then kept: the router does not change while the process runs.
  let document: OpenApiDocument | null = null;
  let html: string | null = null;
  const doc = () => (document ??= buildOpenApiDocument(version));

  app.get("/openapi.json", async (_req, reply) => reply.header("cache-control", "no-cache").send(doc()));
  app.get("/docs/api", async (_req, reply) =>
    reply
      .header("content-type", "text/html; charset=utf-8")
      .header("content-security-policy", REFERENCE_CSP)
      .send((html ??= renderReference(doc()))),
  );
}
