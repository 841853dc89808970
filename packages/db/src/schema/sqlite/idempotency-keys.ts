import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Idempotency keys of mutations (`Idempotency-Key` header), per caller, so that a request retried
 * after a network error is answered from here instead of being done twice. In the database because
 * the retry may reach another server instance.
 */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    /** Whose key: "token:<id>" or "user:<id>"; two callers may use the same key. */
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    /** sha256 of the procedure path and the body: the same key with another request is refused. */
    fingerprint: text("fingerprint").notNull(),
    /** The HTTP status of the first answer; null while the first request is still running. */
    status: integer("status"),
    responseBody: text("response_body"),
    contentType: text("content_type"),
    /** When the running request took the key (a crashed one's key is taken over after a while). */
    lockedAt: integer("locked_at").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("idempotency_keys_expires_idx").on(t.expiresAt)],
);
