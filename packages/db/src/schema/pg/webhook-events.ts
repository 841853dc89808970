import { bigint, index, pgTable, text, unique } from "drizzle-orm/pg-core";

/**
 * The outbox: one row per event, written in the transaction of the change that caused it, so an
 * event exists exactly when its change committed. The worker later fans each out to deliveries.
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    /** The event id receivers deduplicate on. */
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    /** Makes an event happen once: the workflow step's id, or `late:<report id>`. */
    sourceKey: text("source_key").notNull(),
    reportId: text("report_id").notNull(),
    orgId: text("org_id").notNull(),
    /** JSON: what the event itself knows (revision, statuses, comment, deadline). */
    detail: text("detail").notNull(),
    occurredAt: bigint("occurred_at", { mode: "number" }).notNull(),
    /** The body sent to receivers, fixed when the event is fanned out. */
    body: text("body"),
    fannedOutAt: bigint("fanned_out_at", { mode: "number" }),
  },
  (t) => [unique("webhook_events_source_unique").on(t.sourceKey), index("webhook_events_pending_idx").on(t.fannedOutAt, t.occurredAt)],
);
