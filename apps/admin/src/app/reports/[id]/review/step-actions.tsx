"use client";
/**
 * The workflow buttons the server offers this person for this report (reports.get → actions). Each
 * opens a confirmation with a comment (required to return or correct) and, to publish, the date.
 * The step names the revision the person looked at, so a step on a report changed meanwhile fails.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label, Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { chinaToday } from "@nianbao/core";
import { useLang, useT } from "@/lib/i18n";
import { ACTION_LABELS, labelOf } from "@/lib/status";
import { useYear, withYear } from "@/lib/year";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { errorFindings, errorMessage } from "@/trpc/errors";
import type { RouterOutputs, WorkflowAction } from "@/trpc/types";

type Got = RouterOutputs["reports"]["get"];

const NEEDS_COMMENT: ReadonlySet<WorkflowAction> = new Set(["return", "correct"]);
const DANGER: ReadonlySet<WorkflowAction> = new Set(["return"]);

export function StepActions({ data }: { data: Got }) {
  const t = useT();
  const year = useYear();
  const [open, setOpen] = useState<WorkflowAction | null>(null);
  if (data.actions.length === 0) return <p className="text-sm text-slate-500">{t("review.noActions")}</p>;
  return (
    <>
      {data.actions.map((action) =>
        action === "submit" ? (
          // Submitting happens in the editor, where the filer sees and explains the findings.
          <Button key={action} asChild>
            <Link href={withYear(`/reports/${data.report.id}`, year)}>{t("report.openEditor")}</Link>
          </Button>
        ) : (
          <Button key={action} variant={DANGER.has(action) ? "secondary" : "primary"} onClick={() => setOpen(action)}>
            <ActionLabel action={action} />
          </Button>
        ),
      )}
      {open && <StepDialog data={data} action={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function ActionLabel({ action }: { action: WorkflowAction }) {
  return <>{labelOf(ACTION_LABELS, action, useLang())}</>;
}

function StepDialog({ data, action, onClose }: { data: Got; action: WorkflowAction; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const toast = useToast();
  const queryClient = useQueryClient();
  const commentId = useId();
  const errorId = useId();
  const [comment, setComment] = useState("");
  const [publishedOn, setPublishedOn] = useState(chinaToday());
  const actionLabel = labelOf(ACTION_LABELS, action, lang);
  const step = useMutation({
    mutationFn: () =>
      client.reports[action].mutate({
        id: data.report.id,
        revision: data.revision.revisionNo,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(action === "publish" && publishedOn ? { publishedOn } : {}),
      }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.stats.pathKey() }),
      ]);
      toast(t("review.done", { action: actionLabel }));
      onClose();
    },
  });
  const needsComment = NEEDS_COMMENT.has(action);
  const commentLabel = action === "correct" ? t("review.correctNote") : needsComment ? t("review.comment") : t("review.commentOptional");
  const refused = errorFindings(step.error).filter((f) => f.severity === "error");

  function submit(event: FormEvent) {
    event.preventDefault();
    step.mutate();
  }

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t("review.confirm", { action: actionLabel })} description={`${data.report.orgName} · ${t("report.year", { year: data.report.year })} · ${t("report.revision", { n: data.revision.revisionNo })}`}>
      <form onSubmit={submit} className="space-y-4">
        <div>
          <Label htmlFor={commentId}>{commentLabel}</Label>
          <Textarea id={commentId} value={comment} onChange={(e) => setComment(e.target.value)} required={needsComment} maxLength={5000} aria-describedby={needsComment ? `${commentId}-hint` : undefined} />
          {action === "return" && (
            <p id={`${commentId}-hint`} className="mt-1 text-xs text-slate-500">
              {t("review.commentRequired")}
            </p>
          )}
        </div>
        {action === "publish" && (
          <div>
            <Label htmlFor={`${commentId}-date`}>{t("review.publishedOn")}</Label>
            <Input id={`${commentId}-date`} type="date" value={publishedOn} onChange={(e) => setPublishedOn(e.target.value)} required />
          </div>
        )}
        {step.error && (
          <div id={errorId} role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            <p>{errorMessage(step.error)}</p>
            {refused.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {refused.slice(0, 5).map((f, i) => (
                  <li key={i} data-rule={f.ruleId}>
                    {f.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" variant={DANGER.has(action) ? "danger" : "primary"} disabled={step.isPending || (needsComment && !comment.trim())}>
            {actionLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
