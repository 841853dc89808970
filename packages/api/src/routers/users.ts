import { createUser, listUsers, roleSchema, setPasswordHash, updateUser } from "@nianbao/db";
import { AppError } from "../errors";
import { z } from "zod";
import { auditOf } from "../context";
import { idSchema, passwordSchema, userOut, userOutSchema } from "../schemas";
import { hashPassword } from "../secrets";
import { authorizeOrg, orgProcedure, router, userProcedure } from "../trpc";

const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, { message: "用户名只能包含字母、数字和 . _ @ -" });

export const usersRouter = router({
  /** Accounts in the organisation's subtree (default: the caller's). */
  list: orgProcedure(["admin"])
    .output(z.array(userOutSchema))
    .query(async ({ ctx }) => (await listUsers(ctx.db, ctx.org.path)).map(userOut)),

  create: orgProcedure(["admin"])
    .input(
      z.object({
        orgId: idSchema,
        username: usernameSchema,
        displayName: z.string().trim().min(1).max(100),
        role: roleSchema,
        password: passwordSchema,
      }),
    )
    .output(userOutSchema)
    .mutation(async ({ ctx, input }) => {
      const passwordHash = await hashPassword(input.password, ctx.config.passwordHashing);
      const user = await createUser(
        ctx.db,
        { orgId: ctx.org.id, username: input.username, displayName: input.displayName, role: input.role, passwordHash },
        auditOf(ctx),
      );
      return userOut(user);
    }),

  update: userProcedure(["admin"])
    .input(
      z.object({
        displayName: z.string().trim().min(1).max(100).optional(),
        role: roleSchema.optional(),
        orgId: idSchema.optional(),
        disabled: z.boolean().optional(),
      }),
    )
    .output(userOutSchema)
    .mutation(async ({ ctx, input }) => {
      const { id: _id, ...changes } = input;
      if (changes.orgId) await authorizeOrg(ctx.db, ctx.actor, ["admin"], changes.orgId);
      const self = ctx.user.id === ctx.actor.userId;
      if (self && (changes.disabled || (changes.role && changes.role !== "admin"))) throw new AppError("FORBIDDEN", "access.self");
      return userOut(await updateUser(ctx.db, ctx.user.id, changes, auditOf(ctx)));
    }),

  /** Set another user's password (ends their sessions). */
  setPassword: userProcedure(["admin"])
    .input(z.object({ password: passwordSchema }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await setPasswordHash(ctx.db, ctx.user.id, await hashPassword(input.password, ctx.config.passwordHashing), auditOf(ctx));
      return { ok: true as const };
    }),
});
