import { index, integer, sqliteTable, text, unique } from "drizzle-orm/sqlite-core";
import { organisations } from "./organisations";

/** One organisation's report for one year: its workflow status and which revisions are current and public. */
export const reports = sqliteTable(
  "reports",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id),
    year: integer("year").notNull(),
    formatVersion: text("format_version").notNull(),
    /** draft | submitted | reviewed | signed | published */
    status: text("status").notNull(),
    currentRevision: integer("current_revision").notNull(),
    /** The revision the public sees; stays while a correction is under way. */
    publishedRevision: integer("published_revision"),
    /** 更正说明 of a correction in progress, made public when it is published. */
    pendingChangeNote: text("pending_change_note"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [unique("reports_org_year_unique").on(t.orgId, t.year), index("reports_year_idx").on(t.year)],
);
