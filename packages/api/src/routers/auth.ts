import { agencyKindSchema } from "@nianbao/core";
import { type Database, deleteSession, getOrganisation, getUser, roleSchema, setPasswordHash } from "@nianbao/db";
import { AppError } from "../errors";
import { z } from "zod";
import { type Actor, auditOf } from "../context";
import { passwordSchema } from "../schemas";
import { hashPassword, verifyPassword } from "../secrets";
import { login } from "../services/accounts";
import { authedProcedure, publicProcedure, router } from "../trpc";
import { findUserForLogin } from "@nianbao/db";

const meSchema = z.object({
  kind: z.enum(["user", "token"]),
  userId: z.string(),
  displayName: z.string(),
  role: roleSchema,
  org: z.object({ id: z.string(), name: z.string(), kind: agencyKindSchema }),
});

/** Who is signed in and where: the answer of `me`, and of `login` for the account it signed in. */
async function meOf(db: Database, actor: Actor): Promise<z.infer<typeof meSchema>> {
  const org = await getOrganisation(db, actor.orgId);
  return {
    kind: actor.kind,
    userId: actor.userId,
    displayName: actor.displayName,
    role: actor.role,
    org: { id: org.id, name: org.name, kind: org.kind },
  };
}

export const authRouter = router({
  /** Sign in; the session goes out as an HttpOnly cookie, never in the body. */
  login: publicProcedure
    .input(z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }))
    .output(meSchema)
    .mutation(async ({ ctx, input }) => {
      return meOf(ctx.db, await login(ctx.db, input, ctx));
    }),

  logout: authedProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    if (ctx.actor.sessionId) await deleteSession(ctx.db, ctx.actor.sessionId, auditOf(ctx), ctx.actor.orgId);
    ctx.session.clear();
    return { ok: true as const };
  }),

  me: authedProcedure.output(meSchema).query(async ({ ctx }) => meOf(ctx.db, ctx.actor)),

  /** Change one's own password (signed in with a session, not a token). */
  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      if (ctx.actor.kind !== "user") throw new AppError("FORBIDDEN", "access.role", { role: "token" });
      const user = await getUser(ctx.db, ctx.actor.userId);
      const withHash = await findUserForLogin(ctx.db, user.username);
      if (!withHash || !(await verifyPassword(withHash.passwordHash, input.currentPassword))) {
        throw new AppError("BAD_REQUEST", "auth.wrongPassword", {}, { field: "currentPassword" });
      }
      await setPasswordHash(ctx.db, user.id, await hashPassword(input.newPassword, ctx.config.passwordHashing), auditOf(ctx));
      ctx.session.clear();
      return { ok: true as const };
    }),
});
