import { bigint, index, integer, pgTable, text, unique } from "drizzle-orm/pg-core";
import { webhookSubscriptions } from "./webhook-subscriptions";
import { webhookEvents } from "./webhook-events";

/** One event to one subscription, retried until it is acknowledged. A lease keeps two workers from sending it at once. */
export const webhookDeliveries = pgTable(
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
    nextAttemptAt: bigint("next_attempt_at", { mode: "number" }).notNull(),
    /** A worker holds the delivery until then; after it (the worker died), another may send it. */
    leaseUntil: bigint("lease_until", { mode: "number" }),
    leaseOwner: text("lease_owner"),
    deliveredAt: bigint("delivered_at", { mode: "number" }),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [
    unique("webhook_deliveries_subscription_event_unique").on(t.subscriptionId, t.eventId),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
  ],
);
