import { bigint, boolean, index, pgTable, text, unique } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

/** A person with one role in one organisation; the role applies to that organisation's subtree. */
export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id),
    /** Lower-cased login name. */
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role").notNull(),
    /** argon2id PHC string; never leaves the db package's callers through the API. */
    passwordHash: text("password_hash").notNull(),
    disabled: boolean("disabled").notNull().default(false),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [unique("users_username_unique").on(t.username), index("users_org_idx").on(t.orgId)],
);
