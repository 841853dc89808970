import { bigint, index, integer, pgTable, text, unique } from "drizzle-orm/pg-core";
import { reports } from "./reports";
import { users } from "./users";

/**
 * Every saved version of a report, never updated or deleted. The unique (report, revision_no) is what
 * makes two concurrent edits of the same base revision impossible to both succeed.
 */
export const reportRevisions = pgTable(
  "report_revisions",
  {
    id: text("id").primaryKey(),
    reportId: text("report_id")
      .notNull()
      .references(() => reports.id),
    revisionNo: integer("revision_no").notNull(),
    baseRevision: integer("base_revision"),
    /** The report document as JSON, validated with core's schema when written and read. */
    document: text("document").notNull(),
    errorCount: integer("error_count").notNull(),
    warningCount: integer("warning_count").notNull(),
    infoCount: integer("info_count").notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    /** Set when the author acted through an API token. */
    tokenId: text("token_id"),
    /** create | edit | import | publish | seed */
    source: text("source").notNull(),
    note: text("note"),
    /**
     * For a revision read from a file: the import's warnings that name cells or sections it could not
     * read (JSON, core's finding schema), so that validation says "unchecked" there, not "未填写".
     */
    importFindings: text("import_findings"),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [unique("report_revisions_report_no_unique").on(t.reportId, t.revisionNo), index("report_revisions_report_idx").on(t.reportId)],
);
