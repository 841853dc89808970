/**
 * What the load benchmark's server process tells its clients, and the one request both sides send:
 * a save of a draft, which advances the draft's revision.
 */
import type { ReportDocument } from "@nianbao/core";

export interface Draft {
  id: string;
  revision: number;
  document: ReportDocument;
  saves: number;
}

export interface LoadPlan {
  /** The server's base URL. */
  base: string;
  headers: Record<string, string>;
  /** Procedure name → the path of its request (the baseline's path is baselinePath(name)). */
  reads: Record<string, string>;
  /** One draft per client, for the saves. */
  drafts: Draft[];
  /** Procedure name → the bytes of its answer (the baseline's are the same, checked). */
  bytes: Record<string, number>;
}

/** Saves a draft with one text changed from its last save, so that every save is a new revision. */
export async function saveDraft(base: string, headers: Record<string, string>, draft: Draft): Promise<{ ok: boolean; text: string }> {
  const document = { ...draft.document, sections: { ...draft.document.sections, other: `第${++draft.saves}次保存` } };
  const response = await fetch(`${base}/trpc/reports.update`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ id: draft.id, baseRevision: draft.revision, document }),
  });
  const text = await response.text();
  if (response.ok) draft.revision = (JSON.parse(text) as { result: { data: { revision: number } } }).result.data.revision;
  return { ok: response.ok, text };
}
