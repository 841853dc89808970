"use client";
/**
 * Submitting for review (reports.submit, offered when the server's `actions` allow it): saves first;
 * errors block submission and are listed, each leading to its cells; so do warnings still unexplained
 * when the server says so.
 */
import type { Finding } from "@nianbao/core";
import { Send } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { errorFindings, errorMessage } from "@/trpc/errors";
import { useWorkflowStep } from "@/trpc/workflow-step";
import { useEditorActions } from "./actions";
import { useEditorStore } from "./hooks";
import { useEditorT } from "./strings";

export function SubmitBar({ reportId }: { reportId: string }) {
  const store = useEditorStore();
  const actions = useEditorActions();
  const takeStep = useWorkflowStep();
  const t = useEditorT();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; findings: Finding[] } | null>(null);

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      if (!(await store.settle())) {
        setProblem({ title: t("submit.waitSave"), findings: [] });
        return;
      }
      const errors = store.getFindings().filter((f) => f.severity === "error");
      if (errors.length) {
        setProblem({ title: t("submit.blocked", { n: errors.length }), findings: errors });
        return;
      }
      await takeStep("submit", { id: reportId, revision: store.revision() }, t("submit.done"));
    } catch (error) {
      const findings = errorFindings(error);
      const unexplained = findings.length > 0 && findings.every((f) => f.severity === "warning");
      setProblem({ title: unexplained ? t("submit.unexplained", { n: findings.length }) : errorMessage(error), findings });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Button onClick={() => void submit()} disabled={busy} className="w-full" data-submit>
        <Send aria-hidden className="size-4" />
        {busy ? t("submit.submitting") : t("submit.button")}
      </Button>
      {problem && (
        <div role="alert" className="mt-2 text-sm text-red-800">
          <p className="font-medium">{problem.title}</p>
          {problem.findings.length > 0 && (
            <ul className="mt-1 flex max-h-40 flex-col gap-1 overflow-y-auto text-xs">
              {problem.findings.map((f, i) => (
                <li key={i}>
                  <button
                    type="button"
                    className="text-left underline-offset-2 hover:underline"
                    onClick={() => actions.showFinding(f.cells)}
                  >
                    {f.message}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
