/** The organisation tree (orgs.tree) as an indented list, for pickers. */
import type { RouterOutputs } from "@/trpc/types";

export type OrgNode = RouterOutputs["orgs"]["tree"];

export interface FlatOrg {
  id: string;
  name: string;
  kind: OrgNode["kind"];
  depth: number;
  parentId: string | null;
}

export function flattenOrgs(node: OrgNode, depth = 0, out: FlatOrg[] = []): FlatOrg[] {
  out.push({ id: node.id, name: node.name, kind: node.kind, depth, parentId: node.parentId });
  for (const child of node.children) flattenOrgs(child, depth + 1, out);
  return out;
}

/** An option label that shows the depth (native selects cannot indent). */
export function indented(org: FlatOrg): string {
  return `${"\u3000".repeat(org.depth)}${org.name}`;
}
