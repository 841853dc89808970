"use client";
import { useCallback } from "react";
import { useToast } from "@/components/ui/toast";
import type { WorkflowAction } from "./types";
import { useTRPCClient } from "./client";
import { useRefresh } from "./refresh";

interface Step {
  id: string;
  /** The revision the person looked at: a step on a report changed meanwhile is refused. */
  revision: number;
  comment?: string;
  publishedOn?: string;
}

/**
 * Takes a workflow step on a report and says it is done; the report's status changed, so its page
 * and every list and to-do that shows it ask again. A refusal is thrown to the caller, who shows it.
 */
export function useWorkflowStep(): (action: WorkflowAction, step: Step, done: string) => Promise<void> {
  const client = useTRPCClient();
  const refresh = useRefresh();
  const toast = useToast();
  return useCallback(
    async (action, step, done) => {
      await client.reports[action].mutate(step);
      await refresh("reports", "stats");
      toast(done);
    },
    [client, refresh, toast],
  );
}
