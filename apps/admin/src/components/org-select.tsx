"use client";
/** Choosing an organisation in a native select, indented by depth in the tree. */
import { useQuery } from "@tanstack/react-query";
import { NativeSelect } from "@/components/ui/input";
import { type FlatOrg, flattenOrgs, indented } from "@/lib/orgs";
import { useTRPC } from "@/trpc/client";

export function OrgSelect({
  id,
  value,
  onChange,
  orgs,
}: {
  id: string;
  value: string;
  onChange: (orgId: string) => void;
  /** The organisations offered; every one of the caller's tree when not given. */
  orgs?: readonly FlatOrg[];
}) {
  const trpc = useTRPC();
  const tree = useQuery(trpc.orgs.tree.queryOptions({}));
  const offered = orgs ?? (tree.data ? flattenOrgs(tree.data) : []);
  return (
    <NativeSelect id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={!orgs && !tree.data}>
      {offered.map((org) => (
        <option key={org.id} value={org.id}>
          {indented(org)}
        </option>
      ))}
    </NativeSelect>
  );
}
