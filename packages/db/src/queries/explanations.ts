import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import type { AuditContext } from "../domain";
import { recordAudit } from "./audit";
import { newId } from "./ids";
import { prepared } from "./prepared";

export interface Explanation {
  findingKey: string;
  ruleId: string;
  cells: string[];
  text: string;
  authorId: string;
  createdAt: number;
  updatedAt: number;
}

export interface NewExplanation {
  reportId: string;
  orgId: string;
  findingKey: string;
  ruleId: string;
  cells: string[];
  text: string;
  authorId: string;
}

/** Attach (or replace) the explanation of one warning. */
export async function upsertExplanation(db: Database, input: NewExplanation, audit: AuditContext): Promise<void> {
  await db.write(async (tx) => {
    const now = Date.now();
    await tx.q
      .insert(tx.t.explanations)
      .values({
        id: newId(),
        reportId: input.reportId,
        findingKey: input.findingKey,
        ruleId: input.ruleId,
        cells: JSON.stringify(input.cells),
        text: input.text,
        authorId: input.authorId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [tx.t.explanations.reportId, tx.t.explanations.findingKey],
        set: { text: input.text, authorId: input.authorId, updatedAt: now },
      });
    await recordAudit(
      tx,
      audit,
      {
        action: "report.explain",
        targetType: "report",
        targetId: input.reportId,
        orgId: input.orgId,
        detail: { findingKey: input.findingKey, text: input.text },
      },
      now,
    );
  });
}

export async function listExplanations(db: Database, reportId: string): Promise<Explanation[]> {
  // Read with every report (reports.get): a kept prepared statement.
  const rows = await db.read(({ q, t }) =>
    prepared(q, t, "explanations_by_report", (q, t, name) =>
      q
        .select()
        .from(t.explanations)
        .where(eq(t.explanations.reportId, sql.placeholder("reportId")))
        .orderBy(asc(t.explanations.createdAt))
        .prepare(...name),
    ).execute({ reportId }),
  );
  return rows.map((row) => ({
    findingKey: row.findingKey,
    ruleId: row.ruleId,
    cells: JSON.parse(row.cells) as string[],
    text: row.text,
    authorId: row.authorId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}
