import { integer, sqliteTable, text, unique } from "drizzle-orm/sqlite-core";
import { reports } from "./reports";
import { users } from "./users";

/** Each publication of a report: the frozen revision, when, by whom, and the public 更正说明 of a correction. */
export const publications = sqliteTable(
  "publications",
  {
    id: text("id").primaryKey(),
    reportId: text("report_id")
      .notNull()
      .references(() => reports.id),
    revisionNo: integer("revision_no").notNull(),
    /** ISO date printed on the report. */
    publishedOn: text("published_on").notNull(),
    publishedAt: integer("published_at").notNull(),
    publishedBy: text("published_by")
      .notNull()
      .references(() => users.id),
    changeNote: text("change_note"),
  },
  (t) => [unique("publications_report_revision_unique").on(t.reportId, t.revisionNo)],
);
