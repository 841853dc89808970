/**
 * Open data over plain HTTP, without signing in: the published reports as JSON and CSV.
 *   GET /open/reports?year=2023          the list
 *   GET /open/reports/:id                 metadata and the publications (with 更正说明)
 *   GET /open/reports/:id.json[?revision] the published report document
 *   GET /open/reports/:id.csv[?revision]  the same as CSV
 * Each route calls the matching public procedure; nothing here decides what is public.
 */
import { createCaller, createContextInner, langFrom } from "@nianbao/api";
import type { Database } from "@nianbao/db";
import { revisionNumberSchema, yearSchema } from "@nianbao/core";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";

const querySchema = z.object({
  year: z.coerce.number().pipe(yearSchema).optional(),
  revision: z.coerce.number().pipe(revisionNumberSchema).optional(),
});

export function registerOpenData(app: FastifyInstance, db: Database): void {
  const callerFor = (req: FastifyRequest) =>
    createCaller(
      createContextInner({ db, logger: req.log, lang: langFrom(req.headers["accept-language"]), meta: { ip: req.ip, requestId: req.id } }),
    );

  const fail = (reply: FastifyReply, error: unknown) => {
    if (error instanceof TRPCError) {
      return reply.code(getHTTPStatusCodeFromError(error)).send({ error: { code: error.code, message: error.message } });
    }
    throw error;
  };

  app.get("/open/reports", async (req, reply) => {
    const query = querySchema.safeParse(req.query);
    if (!query.success) return reply.code(400).send({ error: { code: "BAD_REQUEST", message: "year 应为 2008–2100 的整数" } });
    try {
      return await callerFor(req).openData.list(query.data.year ? { year: query.data.year } : {});
    } catch (error) {
      return fail(reply, error);
    }
  });

  app.get<{ Params: { file: string } }>("/open/reports/:file", async (req, reply) => {
    const match = /^([\w-]{1,100}?)(?:\.(json|csv))?$/.exec(req.params.file);
    const query = querySchema.safeParse(req.query);
    if (!match || !query.success) return reply.code(404).send({ error: { code: "NOT_FOUND", message: "未找到" } });
    const [, id, extension] = match as unknown as [string, string, "json" | "csv" | undefined];
    const revision = query.data.revision ? { revision: query.data.revision } : {};
    try {
      const caller = callerFor(req);
      if (!extension) return await caller.openData.get({ id, ...revision });
      if (extension === "json") {
        const published = await caller.openData.get({ id, ...revision });
        return reply.header("x-nianbao-revision", String(published.revision)).send(published.document);
      }
      const file = await caller.openData.export({ id, format: "csv", ...revision });
      return reply
        .header("content-type", file.mimeType.includes("charset") ? file.mimeType : `${file.mimeType}; charset=utf-8`)
        .header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(Buffer.from(file.data, "base64"));
    } catch (error) {
      return fail(reply, error);
    }
  });
}
