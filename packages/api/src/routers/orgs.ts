import { agencyKindSchema, isoTimestamp } from "@nianbao/core";
import { createOrganisation, listSubtree, type Organisation, updateOrganisation } from "@nianbao/db";
import { z } from "zod";
import { auditOf } from "../context";
import { idSchema } from "../schemas";
import { ALL_ROLES, authedProcedure, authorizeOrg, orgProcedure, router } from "../trpc";

const orgOutSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  kind: agencyKindSchema,
  rulemaking: z.boolean(),
  createdAt: z.string(),
});

export interface OrgNode extends z.infer<typeof orgOutSchema> {
  children: OrgNode[];
}
const orgNodeSchema: z.ZodType<OrgNode> = orgOutSchema.extend({ children: z.lazy(() => z.array(orgNodeSchema)) });

const orgOut = (org: Organisation) => ({
  id: org.id,
  parentId: org.parentId,
  name: org.name,
  kind: org.kind,
  rulemaking: org.rulemaking,
  createdAt: isoTimestamp(org.createdAt),
});

/** Nest a parents-first list under its first element. */
function nest(orgs: Organisation[]): OrgNode {
  const nodes = new Map(orgs.map((org) => [org.id, { ...orgOut(org), children: [] as OrgNode[] }]));
  for (const org of orgs.slice(1)) if (org.parentId) nodes.get(org.parentId)?.children.push(nodes.get(org.id)!);
  return nodes.get(orgs[0]!.id)!;
}

const nameSchema = z.string().trim().min(1).max(200);

export const orgsRouter = router({
  /** The organisation (default: the caller's) and everything below it. */
  tree: orgProcedure(ALL_ROLES)
    .output(orgNodeSchema)
    .query(async ({ ctx }) => nest(await listSubtree(ctx.db, ctx.org.path))),

  create: authedProcedure
    .input(z.object({ parentId: idSchema, name: nameSchema, kind: agencyKindSchema, rulemaking: z.boolean().optional() }))
    .output(orgOutSchema)
    .mutation(async ({ ctx, input }) => {
      await authorizeOrg(ctx.db, ctx.actor, ["admin"], input.parentId);
      return orgOut(await createOrganisation(ctx.db, input, auditOf(ctx)));
    }),

  update: orgProcedure(["admin"])
    .input(
      z.object({
        orgId: idSchema,
        name: nameSchema.optional(),
        kind: agencyKindSchema.optional(),
        rulemaking: z.boolean().optional(),
        parentId: idSchema.optional(),
      }),
    )
    .output(orgOutSchema)
    .mutation(async ({ ctx, input }) => {
      const { orgId: _orgId, ...changes } = input;
      return orgOut(await updateOrganisation(ctx.db, ctx.org.id, changes, auditOf(ctx), ctx.actor.orgPath));
    }),
});
