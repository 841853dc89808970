/**
 * The tRPC bootstrap: the procedure kinds and the one place where access is decided.
 *
 * Every procedure that touches an organisation's data states the roles it allows, and the target is
 * resolved from its input (an organisation, a report, a user or a token). `authorize` then checks the
 * role and that the target lies in the actor's subtree — no router checks access on its own.
 */
import { type Database, getOrganisation, getReport, getToken, getUser, inSubtree, type Organisation, type Role } from "@nianbao/db";
import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Actor, Context } from "./context";
import { formatError } from "./error-format";
import { AppError, asAppError, toTRPCError } from "./errors";
import { inputProblem, inputProblemError } from "./input-guard";
import { idSchema, yearInputSchema } from "./schemas";

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
    const known = asAppError(result.error.cause);
    if (known) throw toTRPCError(known);
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
function authorize(actor: Actor, roles: readonly Role[], targetPath?: string): void {
  if (!roles.includes(actor.role)) throw new AppError("FORBIDDEN", "access.role", { role: actor.role });
  if (targetPath !== undefined && !inSubtree(targetPath, actor.orgPath)) throw new AppError("FORBIDDEN", "access.scope");
}

export const ALL_ROLES: readonly Role[] = ["admin", "editor", "reviewer", "signer", "viewer"];

/**
 * A procedure on one stored target: the role is checked first (so a caller without it learns nothing,
 * not even whether the target exists), then the target is loaded from the input and must lie in the
 * caller's subtree. It reaches the resolver as `ctx[name]`.
 */
export function targetProcedure<Input extends z.ZodType, Name extends string, Target>(target: {
  input: Input;
  name: Name;
  load: (db: Database, input: z.output<Input>, actor: Actor) => Promise<Target>;
  /** The materialised path of the organisation the target belongs to. */
  pathOf: (target: Target) => string;
}) {
  return (roles: readonly Role[]) =>
    authedProcedure.input(target.input).use(async ({ ctx, input, next }) => {
      authorize(ctx.actor, roles);
      const loaded = await target.load(ctx.db, input as z.output<Input>, ctx.actor);
      authorize(ctx.actor, roles, target.pathOf(loaded));
      return next({ ctx: { [target.name]: loaded } as Record<Name, Target> });
    });
}

/** Target: a stored row named by `id`, whose `orgPath` is the organisation it belongs to. */
function byIdProcedure<Name extends string, Target extends { orgPath: string }>(
  name: Name,
  get: (db: Database, id: string) => Promise<Target>,
) {
  return targetProcedure({
    input: z.object({ id: idSchema }),
    name,
    load: (db, input) => get(db, input.id),
    pathOf: (target) => target.orgPath,
  });
}

/** Target: an organisation (`orgId`, default the actor's own). */
export const orgProcedure = targetProcedure({
  input: z.object({ orgId: idSchema.optional() }),
  name: "org",
  load: (db, input, actor): Promise<Organisation> => getOrganisation(db, input.orgId ?? actor.orgId),
  pathOf: (org) => org.path,
});

/** A year across an organisation's subtree (default: the caller's), open to every role: roll-ups and progress. */
export const subtreeYearProcedure = orgProcedure(ALL_ROLES).input(z.object({ year: yearInputSchema }));

export const reportProcedure = byIdProcedure("report", getReport);
export const userProcedure = byIdProcedure("user", getUser);
export const tokenProcedure = byIdProcedure("token", getToken);

/** For procedures that name a second organisation in their input (a new parent, a user's new org). */
export async function authorizeOrg(db: Database, actor: Actor, roles: readonly Role[], orgId: string): Promise<Organisation> {
  const org = await getOrganisation(db, orgId);
  authorize(actor, roles, org.path);
  return org;
}
