import { DAY_MS } from "@nianbao/core";
import { createToken, listTokens, revokeToken, roleSchema } from "@nianbao/db";
import { z } from "zod";
import { auditOf } from "../context";
import { idSchema, tokenOut, tokenOutSchema } from "../schemas";
import { API_TOKEN_PREFIX, newSecret, sha256 } from "../secrets";
import { orgProcedure, router, tokenProcedure } from "../trpc";

export const tokensRouter = router({
  /** A token for a service, scoped to an organisation's subtree and a role. The secret is shown only here. */
  create: orgProcedure(["admin"])
    .input(
      z.object({
        orgId: idSchema,
        name: z.string().trim().min(1).max(100),
        role: roleSchema,
        expiresInDays: z.number().int().min(1).max(3650).optional(),
      }),
    )
    .output(z.object({ token: z.string(), info: tokenOutSchema }))
    .mutation(async ({ ctx, input }) => {
      const secret = newSecret(API_TOKEN_PREFIX);
      const now = ctx.config.now();
      const token = await createToken(
        ctx.db,
        {
          name: input.name,
          tokenHash: sha256(secret),
          orgId: ctx.org.id,
          role: input.role,
          createdBy: ctx.actor.userId,
          expiresAt: input.expiresInDays ? now + input.expiresInDays * DAY_MS : null,
        },
        auditOf(ctx),
      );
      return { token: secret, info: tokenOut(token) };
    }),

  list: orgProcedure(["admin"])
    .output(z.array(tokenOutSchema))
    .query(async ({ ctx }) => (await listTokens(ctx.db, ctx.org.path)).map(tokenOut)),

  revoke: tokenProcedure(["admin"])
    .output(tokenOutSchema)
    .mutation(async ({ ctx }) => tokenOut(await revokeToken(ctx.db, ctx.token.id, auditOf(ctx)))),
});
