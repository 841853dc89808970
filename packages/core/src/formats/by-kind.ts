import type { TableDef } from "./types";

/** One function per table kind: a new kind of table makes every walker that lacks it fail to compile. */
export type ByTableKind<R> = { readonly [K in TableDef["kind"]]: (table: Extract<TableDef, { kind: K }>) => R };

export function byTableKind<R>(table: TableDef, handlers: ByTableKind<R>): R {
  // The handler is the one for this table's own kind, so it takes this table.
  const handle = handlers[table.kind] as (table: TableDef) => R;
  return handle(table);
}
