import { bigint, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { reports } from "./reports";
import { users } from "./users";

/** Each workflow step (submit, review, return, sign, publish, correct) with its comment. */
export const workflowEvents = pgTable(
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
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [index("workflow_events_report_idx").on(t.reportId)],
);
