import { bigint, boolean, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { webhookSubscriptions } from "./webhook-subscriptions";

/** The delivery log: every attempt with the receiver's answer, for webhooks.deliveries. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: text("id").primaryKey(),
    subscriptionId: text("subscription_id")
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: "cascade" }),
    deliveryId: text("delivery_id").notNull(),
    eventId: text("event_id").notNull(),
    eventType: text("event_type").notNull(),
    attempt: integer("attempt").notNull(),
    at: bigint("at", { mode: "number" }).notNull(),
    /** The HTTP status, or null when no answer came (refused, timed out). */
    responseStatus: integer("response_status"),
    /** The first characters of the answer, or why there was none. */
    responseExcerpt: text("response_excerpt"),
    durationMs: integer("duration_ms").notNull(),
    ok: boolean("ok").notNull(),
  },
  (t) => [index("webhook_attempts_subscription_at_idx").on(t.subscriptionId, t.at)],
);
