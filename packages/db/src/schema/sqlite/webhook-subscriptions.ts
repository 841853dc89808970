import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { organisations } from "./organisations";
import { users } from "./users";

/** A receiver registered by an admin for an organisation's subtree and a set of event types. */
export const webhookSubscriptions = sqliteTable(
  "webhook_subscriptions",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id),
    url: text("url").notNull(),
    /** JSON array of event types (core's WEBHOOK_EVENT_TYPES). */
    events: text("events").notNull(),
    description: text("description"),
    /** The HMAC key. Kept as given: signing needs it, and it is shown only at creation. */
    secret: text("secret").notNull(),
    /** active | paused */
    status: text("status").notNull(),
    /** Why it is paused: admin | failing. */
    pausedReason: text("paused_reason"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    /** When the current run of failures began (null after a success). */
    failingSince: integer("failing_since"),
    lastSuccessAt: integer("last_success_at"),
    lastFailureAt: integer("last_failure_at"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("webhook_subscriptions_org_idx").on(t.orgId)],
);
