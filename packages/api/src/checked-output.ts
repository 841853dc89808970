/**
 * Output schemas that do not check again what is known to be valid. Every procedure's answer passes its
 * output schema (nothing leaks that the schema does not name); a stored report document, though, was
 * checked against the document schema when it was read (and is kept frozen), and kept findings were
 * checked when they were computed. Checking such an object again gives the very same bytes, so these
 * schemas let the known object through and check anything else in full, exactly as before.
 */
import { type Finding, findingSchema, reportDocumentSchema } from "@nianbao/core";
import { isCheckedDocument } from "@nianbao/db";
import { z } from "zod";

const checkedFindings = new WeakSet<object>();
const findingsSchema = z.array(findingSchema);

/** Remember findings that are the output of the findings schema and are not changed after (frozen). */
export function markCheckedFindings<T extends readonly Finding[]>(findings: T): T {
  checkedFindings.add(findings);
  return findings;
}

function unlessChecked<S extends z.ZodType>(schema: S, isChecked: (value: unknown) => boolean) {
  return z.unknown().transform((value, ctx): z.output<S> => {
    if (isChecked(value)) return value as z.output<S>;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ ...issue, input: value } as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  });
}

/** A report document in an answer. */
export const documentOutSchema = unlessChecked<typeof reportDocumentSchema>(reportDocumentSchema, isCheckedDocument);
/** Findings in an answer. */
export const findingsOutSchema = unlessChecked<typeof findingsSchema>(
  findingsSchema,
  (value) => typeof value === "object" && value !== null && checkedFindings.has(value),
);
