/**
 * The tRPC bootstrap: the procedure kinds and the one place where access is decided.
 *
 * Every procedure that touches an organisation's data states the roles it allows, and the target is
 * resolved from its input (an organisation, a report, a user or a token). `authorize` then checks the
 * role and that the target lies in the actor's subtree — no router checks access on its own.
 */
import { AppError, type Database, getOrganisation, getReport, getToken, getUser, inSubtree, type Organisation, type Report, type Role } from "@nianbao/db";
import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Actor, Context } from "./context";
import { formatError, toTRPCError } from "./errors";
import { inputProblem, inputProblemError } from "./input-guard";
import { idSchema } from "./schemas";

const t = initTRPC.context<Context>().create({
  // Plain JSON on the wire (no transformer), so any HTTP client can call the API.
  isDev: false,
  errorFormatter: ({ shape, error, input, ctx }) => formatError({ shape, error, input, ctx }),
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/**
 * Before any schema: the raw input passes the guard (nesting, size, no control characters — one rule
 * for every procedure and both databases), and a call without input is a call with `{}`, so that
 * `GET /trpc/orgs.tree` works like `?input={}` and a missing required field is named.
 */
const inputDefaulted = t.procedure.use(async ({ ctx, next, getRawInput }) => {
  let input: unknown;
  try {
    input = (await getRawInput()) ?? {};
  } catch {
    // Unreadable (not JSON): refused where a schema reads it, ignored by a procedure that takes none.
    return next();
  }
  const problem = inputProblem(input);
  if (problem) throw new TRPCError({ code: "BAD_REQUEST", cause: inputProblemError(problem, ctx.lang) });
  return next({ getRawInput: async () => input });
});

/** Domain errors become tRPC errors here and nowhere else; every procedure gets a child logger. */
const base = inputDefaulted.use(async ({ ctx, path, type, next }) => {
  const logger = ctx.logger.child({ procedure: path });
  const result = await next({ ctx: { logger } });
  if (!result.ok) {
    if (result.error.cause instanceof AppError) throw toTRPCError(result.error.cause);
    if (result.error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: result.error.cause ?? result.error, type }, "procedure failed");
  }
  return result;
});

export const publicProcedure = base;

export const authedProcedure = base.use(({ ctx, next }) => {
  if (!ctx.actor) throw new AppError("UNAUTHORIZED", "auth.required");
  return next({ ctx: { actor: ctx.actor } });
});

/** The one access check: the role is allowed and the target lies in the actor's subtree. */
export function authorize(actor: Actor, roles: readonly Role[], targetPath?: string): void {
  if (!roles.includes(actor.role)) throw new AppError("FORBIDDEN", "access.role", { role: actor.role });
  if (targetPath !== undefined && !inSubtree(targetPath, actor.orgPath)) throw new AppError("FORBIDDEN", "access.scope");
}

export const ALL_ROLES: readonly Role[] = ["admin", "editor", "reviewer", "signer", "viewer"];


/** Target: an organisation (`orgId`, default the actor's own). */
export const orgProcedure = (roles: readonly Role[]) =>
  authedProcedure.input(z.object({ orgId: idSchema.optional() })).use(async ({ ctx, input, next }) => {
    authorize(ctx.actor, roles);
    const org: Organisation = await getOrganisation(ctx.db, input.orgId ?? ctx.actor.orgId);
    authorize(ctx.actor, roles, org.path);
    return next({ ctx: { org } });
  });

/** Target: a report (`id`). */
export const reportProcedure = (roles: readonly Role[]) =>
  authedProcedure.input(z.object({ id: idSchema })).use(async ({ ctx, input, next }) => {
    authorize(ctx.actor, roles);
    const report: Report = await getReport(ctx.db, input.id);
    authorize(ctx.actor, roles, report.orgPath);
    return next({ ctx: { report } });
  });

/** Target: a user account (`id`). */
export const userProcedure = (roles: readonly Role[]) =>
  authedProcedure.input(z.object({ id: idSchema })).use(async ({ ctx, input, next }) => {
    authorize(ctx.actor, roles);
    const user = await getUser(ctx.db, input.id);
    authorize(ctx.actor, roles, user.orgPath);
    return next({ ctx: { user } });
  });

/** Target: an API token (`id`). */
export const tokenProcedure = (roles: readonly Role[]) =>
  authedProcedure.input(z.object({ id: idSchema })).use(async ({ ctx, input, next }) => {
    authorize(ctx.actor, roles);
    const token = await getToken(ctx.db, input.id);
    authorize(ctx.actor, roles, token.orgPath);
    return next({ ctx: { token } });
  });

/** For procedures that name a second organisation in their input (a new parent, a user's new org). */
export async function authorizeOrg(db: Database, actor: Actor, roles: readonly Role[], orgId: string): Promise<Organisation> {
  const org = await getOrganisation(db, orgId);
  authorize(actor, roles, org.path);
  return org;
}
