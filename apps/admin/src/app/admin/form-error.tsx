"use client";
import { errorMessage, fieldErrors } from "@/trpc/errors";

/** A failed save, in words: the server's message, or each field it refused. */
export function FormError({ error }: { error: unknown }) {
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
