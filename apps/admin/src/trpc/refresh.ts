"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "./client";

type Router = "orgs" | "reports" | "stats" | "tokens" | "users";

/** After a change: every cached answer of these routers is stale, so each view that shows one asks again. */
export function useRefresh(): (...routers: Router[]) => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    async (...routers: Router[]) => {
      await Promise.all(routers.map((router) => queryClient.invalidateQueries({ queryKey: trpc[router].pathKey() })));
    },
    [trpc, queryClient],
  );
}
