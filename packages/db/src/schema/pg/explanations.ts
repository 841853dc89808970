import { bigint, pgTable, text, unique } from "drizzle-orm/pg-core";
import { reports } from "./reports";
import { users } from "./users";

/**
 * An explanation attached to a warning. Keyed by the finding (rule + cells), not the revision, so it
 * still applies after unrelated edits and drops out when the warning goes away.
 */
export const explanations = pgTable(
  "explanations",
  {
    id: text("id").primaryKey(),
    reportId: text("report_id")
      .notNull()
      .references(() => reports.id),
    findingKey: text("finding_key").notNull(),
    ruleId: text("rule_id").notNull(),
    /** JSON array of cell ids. */
    cells: text("cells").notNull(),
    text: text("text").notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [unique("explanations_report_key_unique").on(t.reportId, t.findingKey)],
);
