import { bigint, index, integer, pgTable, text, unique } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

/** One organisation's report for one year: its workflow status and which revisions are current and public. */
export const reports = pgTable(
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
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [unique("reports_org_year_unique").on(t.orgId, t.year), index("reports_year_idx").on(t.year)],
);
