/** Report documents are stored as JSON text, checked against core's schema on the way in and out. */
import { type ReportDocument, reportDocumentSchema } from "@nianbao/core";

export function serializeDocument(doc: ReportDocument): string {
  return JSON.stringify(reportDocumentSchema.parse(doc));
}

export function parseStoredDocument(text: string): ReportDocument {
  // A row that fails here was written by something other than this package: fail loudly.
  return reportDocumentSchema.parse(JSON.parse(text));
}
