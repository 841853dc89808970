import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { reports } from "./reports";
import { users } from "./users";

/** Each workflow step (submit, review, return, sign, publish, correct) with its comment. */
export const workflowEvents = sqliteTable(
  "workflow_events",
  {
    id: text("id").primaryKey(),
    reportId: text("report_id")
      .notNull()
      .references(() => reports.id),
    revisionNo: integer("revision_no").notNull(),
    action: text("action").notNull(),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    comment: text("comment"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("workflow_events_report_idx").on(t.reportId)],
);
