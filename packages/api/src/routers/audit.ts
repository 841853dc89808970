import { isoTimestamp } from "@nianbao/core";
import { listAudit } from "@nianbao/db";
import { z } from "zod";
import { idSchema } from "../schemas";
import { orgProcedure, router } from "../trpc";

export const auditRouter = router({
  /** The audit log of the organisation's subtree, newest first; page with `before` (ISO time of the last row). */
  list: orgProcedure(["admin"])
    .input(
      z.object({
        limit: z.number().int().min(1).max(500).default(100),
        before: z.iso.datetime().optional(),
        action: z.string().max(100).optional(),
        targetId: idSchema.optional(),
      }),
    )
    .output(
      z.array(
        z.object({
          id: z.string(),
          at: z.string(),
          actorKind: z.string(),
          actorId: z.string().nullable(),
          actorName: z.string().nullable(),
          orgId: z.string().nullable(),
          action: z.string(),
          targetType: z.string(),
          targetId: z.string().nullable(),
          detail: z.record(z.string(), z.unknown()).nullable(),
          ip: z.string().nullable(),
          requestId: z.string().nullable(),
        }),
      ),
    )
    .query(async ({ ctx, input }) => {
      const rows = await listAudit(ctx.db, {
        scopePath: ctx.org.path,
        // Entries tied to no organisation (failed sign-ins with unknown names) are for the top office only.
        includeUnscoped: ctx.org.parentId === null,
        limit: input.limit,
        ...(input.before ? { before: Date.parse(input.before) } : {}),
        ...(input.action ? { action: input.action } : {}),
        ...(input.targetId ? { targetId: input.targetId } : {}),
      });
      return rows.map((row) => ({ ...row, at: isoTimestamp(row.at) }));
    }),
});
