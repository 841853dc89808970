import { index, integer, sqliteTable, text, unique } from "drizzle-orm/sqlite-core";
import { webhookSubscriptions } from "./webhook-subscriptions";
import { webhookEvents } from "./webhook-events";

/** One event to one subscription, retried until it is acknowledged. A lease keeps two workers from sending it at once. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    subscriptionId: text("subscription_id")
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => webhookEvents.id),
    /** pending | delivered */
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    /** A worker holds the delivery until then; after it (the worker died), another may send it. */
    leaseUntil: integer("lease_until"),
    leaseOwner: text("lease_owner"),
    deliveredAt: integer("delivered_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    unique("webhook_deliveries_subscription_event_unique").on(t.subscriptionId, t.eventId),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
  ],
);
