import { bigint, index, pgTable, text } from "drizzle-orm/pg-core";

/** Every change: who (user or token), when, what, on which object, from where. Append-only. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    at: bigint("at", { mode: "number" }).notNull(),
    /** user | token | system */
    actorKind: text("actor_kind").notNull(),
    actorId: text("actor_id"),
    actorName: text("actor_name"),
    /** The organisation the change belongs to, for scoping audit.list. */
    orgId: text("org_id"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    /** JSON object with what changed. */
    detail: text("detail"),
    ip: text("ip"),
    requestId: text("request_id"),
  },
  (t) => [index("audit_log_org_at_idx").on(t.orgId, t.at), index("audit_log_at_idx").on(t.at)],
);
