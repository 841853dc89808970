import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Failed login counters per user name and per address, in the database so every instance sees them. */
export const loginAttempts = sqliteTable("login_attempts", {
  /** "user:<name>" or "ip:<address>" */
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStart: integer("window_start").notNull(),
  lockedUntil: integer("locked_until"),
  updatedAt: integer("updated_at").notNull(),
});
