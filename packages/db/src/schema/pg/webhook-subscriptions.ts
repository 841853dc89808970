import { bigint, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { users } from "./users";

/** A receiver registered by an admin for an organisation's subtree and a set of event types. */
export const webhookSubscriptions = pgTable(
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
    failingSince: bigint("failing_since", { mode: "number" }),
    lastSuccessAt: bigint("last_success_at", { mode: "number" }),
    lastFailureAt: bigint("last_failure_at", { mode: "number" }),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [index("webhook_subscriptions_org_idx").on(t.orgId)],
);
