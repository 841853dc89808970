import { index, integer, sqliteTable, text, unique } from "drizzle-orm/sqlite-core";
import { organisations } from "./organisations";
import { users } from "./users";

/** Tokens for services (`Authorization: Bearer`), shown once, stored as sha256, scoped to a subtree and a role. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id),
    role: text("role").notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at"),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [unique("api_tokens_hash_unique").on(t.tokenHash), index("api_tokens_org_idx").on(t.orgId)],
);
