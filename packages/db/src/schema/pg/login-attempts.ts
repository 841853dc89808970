import { bigint, integer, pgTable, text } from "drizzle-orm/pg-core";

/** Failed login counters per user name and per address, in the database so every instance sees them. */
export const loginAttempts = pgTable("login_attempts", {
  /** "user:<name>" or "ip:<address>" */
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStart: bigint("window_start", { mode: "number" }).notNull(),
  lockedUntil: bigint("locked_until", { mode: "number" }),
  updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
});
