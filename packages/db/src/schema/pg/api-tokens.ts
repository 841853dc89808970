import { bigint, index, pgTable, text, unique } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { users } from "./users";

/** Tokens for services (`Authorization: Bearer`), shown once, stored as sha256, scoped to a subtree and a role. */
export const apiTokens = pgTable(
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
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    expiresAt: bigint("expires_at", { mode: "number" }),
    lastUsedAt: bigint("last_used_at", { mode: "number" }),
    revokedAt: bigint("revoked_at", { mode: "number" }),
  },
  (t) => [unique("api_tokens_hash_unique").on(t.tokenHash), index("api_tokens_org_idx").on(t.orgId)],
);
