import { type AnySQLiteColumn, index, integer, sqliteTable, text, unique } from "drizzle-orm/sqlite-core";

/**
 * A government and its departments as a tree. `path` is the materialised path of ids
 * ("/root/child/"), so a subtree is one `LIKE '/root/child/%'` and a scope check is a prefix test.
 */
export const organisations = sqliteTable(
  "organisations",
  {
    id: text("id").primaryKey(),
    parentId: text("parent_id").references((): AnySQLiteColumn => organisations.id),
    name: text("name").notNull(),
    /** core's agencyKind: "government" | "department" (decides the statutory deadline). */
    kind: text("kind").notNull(),
    rulemaking: integer("rulemaking", { mode: "boolean" }).notNull().default(false),
    path: text("path").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    unique("organisations_path_unique").on(t.path),
    unique("organisations_parent_name_unique").on(t.parentId, t.name),
    index("organisations_parent_idx").on(t.parentId),
    // PostgreSQL needs a pattern-ops index for subtree ranges; SQLite's BINARY collation serves them from a plain one.
    index("organisations_path_prefix_idx").on(t.path),
    // The newest change of any organisation, in one index probe: cached roll-ups compare it.
    index("organisations_updated_idx").on(t.updatedAt),
  ],
);
