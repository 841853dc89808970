import { type AnyPgColumn, bigint, boolean, index, pgTable, text, unique } from "drizzle-orm/pg-core";

/**
 * A government and its departments as a tree. `path` is the materialised path of ids
 * ("/root/child/"), so a subtree is one `LIKE '/root/child/%'` and a scope check is a prefix test.
 */
export const organisations = pgTable(
  "organisations",
  {
    id: text("id").primaryKey(),
    parentId: text("parent_id").references((): AnyPgColumn => organisations.id),
    name: text("name").notNull(),
    /** core's agencyKind: "government" | "department" (decides the statutory deadline). */
    kind: text("kind").notNull(),
    rulemaking: boolean("rulemaking").notNull().default(false),
    path: text("path").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [
    unique("organisations_path_unique").on(t.path),
    unique("organisations_parent_name_unique").on(t.parentId, t.name),
    index("organisations_parent_idx").on(t.parentId),
    // A subtree is `path LIKE '/a/b/%'`: only a pattern-ops index serves that prefix whatever the database's collation.
    index("organisations_path_prefix_idx").on(t.path.op("text_pattern_ops")),
    // The newest change of any organisation, in one index probe: cached roll-ups compare it.
    index("organisations_updated_idx").on(t.updatedAt),
  ],
);
