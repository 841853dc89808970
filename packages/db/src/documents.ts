/**
 * Report documents are stored as JSON text, checked against core's schema on the way in and out.
 *
 * A document that has passed the schema here (or that the caller got from the schema's own parse) is
 * remembered by identity, so that the same object is not checked again when it is stored or sent: the
 * schema's output is a fresh object that nobody else holds, and the revisions kept in memory are frozen.
 */
import { type ReportDocument, reportDocumentSchema } from "@nianbao/core";

const checked = new WeakSet<object>();

/** Remember a document that is the output of `reportDocumentSchema.parse` and is not changed after. */
export function markCheckedDocument<T extends ReportDocument>(doc: T): T {
  checked.add(doc);
  return doc;
}

/** Whether this very object passed the document schema (see markCheckedDocument). */
export function isCheckedDocument(value: unknown): value is ReportDocument {
  return typeof value === "object" && value !== null && checked.has(value);
}

export function serializeDocument(doc: ReportDocument): string {
  return JSON.stringify(isCheckedDocument(doc) ? doc : reportDocumentSchema.parse(doc));
}

export function parseStoredDocument(text: string): ReportDocument {
  // A row that fails here was written by something other than this package: fail loudly.
  return markCheckedDocument(reportDocumentSchema.parse(JSON.parse(text)));
}
