"use client";
/** Who is signed in (auth.me). A 401 anywhere sends the browser to /login (see src/trpc/client.tsx). */
import { useQuery } from "@tanstack/react-query";
import type { Role } from "@/trpc/types";
import { useTRPC } from "@/trpc/client";

export function useMe() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 5 * 60_000 });
}

/**
 * What the UI offers to each role. The server decides; this only hides what would be refused.
 * admin = the disclosure office of its subtree; editor = a clerk; reviewer = 分管领导; signer = 主要领导.
 */
export const CAN = {
  edit: (role: Role) => role === "editor" || role === "admin",
  import: (role: Role) => role === "editor" || role === "admin",
  administer: (role: Role) => role === "admin",
} as const;
