"use client";
/** The dialogs that change something: a form, what the server refused, cancel and the confirming button. */
import type { FormEvent, ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Label } from "@/components/ui/input";
import { useT } from "@/lib/i18n";
import { errorMessage, fieldErrors } from "@/trpc/errors";

/** A failed save, in words: the server's message, or each field it refused. */
function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const fields = fieldErrors(error);
  return (
    <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {fields.length > 1 ? (
        <ul className="list-disc pl-5">
          {fields.map((f) => (
            <li key={f.path}>{f.message}</li>
          ))}
        </ul>
      ) : (
        errorMessage(error)
      )}
    </div>
  );
}

export function FormDialog({
  title,
  description,
  onClose,
  onSubmit,
  error,
  alert,
  submitLabel,
  submitDisabled,
  submitVariant,
  className = "space-y-3",
  children,
}: {
  title: ReactNode;
  description?: string | undefined;
  onClose: () => void;
  onSubmit: () => void;
  /** A failed call, shown above the buttons … */
  error: unknown;
  /** … or, where a refusal says more than a message, its own view. */
  alert?: ReactNode;
  submitLabel: ReactNode;
  submitDisabled: boolean;
  submitVariant?: ButtonProps["variant"];
  className?: string;
  children: ReactNode;
}) {
  const t = useT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={title} description={description}>
      <form onSubmit={submit} className={className}>
        {children}
        {alert ?? <FormError error={error} />}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" variant={submitVariant} disabled={submitDisabled}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** A labelled field of a form, with an optional hint tied to it (the hint's id is `${id}-hint`). */
export function Field({ id, label, hint, children }: { id: string; label: ReactNode; hint?: ReactNode; children: ReactNode }) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * The props of a FormDialog that submits with one mutation: submitting runs it, its failure is shown,
 * and the button waits while it runs (or while `blocked`, where the form is not complete).
 */
export function submitsWith(mutation: { mutate: () => void; error: unknown; isPending: boolean }, blocked = false) {
  return { onSubmit: () => mutation.mutate(), error: mutation.error, submitDisabled: mutation.isPending || blocked };
}
