"use client";
/**
 * The workflow buttons the server offers this person for this report (reports.get → actions). Each
 * opens a confirmation with a comment (required to return or correct) and, to publish, the date.
 * The step names the revision the person looked at, so a step on a report changed meanwhile fails.
 */
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { Field, FormDialog } from "@/components/form-dialog";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import { chinaToday } from "@nianbao/core";
import { useLang, useT } from "@/lib/i18n";
import { ACTION_LABELS, labelOf } from "@/lib/status";
import { useYear, withYear } from "@/lib/year";
import { errorFindings, errorMessage } from "@/trpc/errors";
import { useWorkflowStep } from "@/trpc/workflow-step";
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
  const takeStep = useWorkflowStep();
  const commentId = useId();
  const [comment, setComment] = useState("");
  const [publishedOn, setPublishedOn] = useState(chinaToday());
  const actionLabel = labelOf(ACTION_LABELS, action, lang);
  const step = useMutation({
    mutationFn: () =>
      takeStep(
        action,
        {
          id: data.report.id,
          revision: data.revision.revisionNo,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
          ...(action === "publish" && publishedOn ? { publishedOn } : {}),
        },
        t("review.done", { action: actionLabel }),
      ),
    onSuccess: onClose,
  });
  const needsComment = NEEDS_COMMENT.has(action);
  const commentLabel = action === "correct" ? t("review.correctNote") : needsComment ? t("review.comment") : t("review.commentOptional");

  return (
    <FormDialog
      title={t("review.confirm", { action: actionLabel })}
      description={`${data.report.orgName} · ${t("report.year", { year: data.report.year })} · ${t("report.revision", { n: data.revision.revisionNo })}`}
      onClose={onClose}
      onSubmit={() => step.mutate()}
      error={step.error}
      alert={<Refusal error={step.error} />}
      submitLabel={actionLabel}
      submitVariant={DANGER.has(action) ? "danger" : "primary"}
      submitDisabled={step.isPending || (needsComment && !comment.trim())}
      className="space-y-4"
    >
      <Field id={commentId} label={commentLabel} hint={action === "return" && t("review.commentRequired")}>
        <Textarea
          id={commentId}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          required={needsComment}
          maxLength={5000}
          aria-describedby={needsComment ? `${commentId}-hint` : undefined}
        />
      </Field>
      {action === "publish" && (
        <Field id={`${commentId}-date`} label={t("review.publishedOn")}>
          <Input id={`${commentId}-date`} type="date" value={publishedOn} onChange={(e) => setPublishedOn(e.target.value)} required />
        </Field>
      )}
    </FormDialog>
  );
}

/** Why the server refused the step, with the first few findings that stand in its way. */
function Refusal({ error }: { error: unknown }) {
  if (!error) return null;
  const refused = errorFindings(error).filter((f) => f.severity === "error");
  return (
    <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      <p>{errorMessage(error)}</p>
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
  );
}
