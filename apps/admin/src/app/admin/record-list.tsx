"use client";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { QueryView } from "@/components/ui/states";
import { type Column, DataTable } from "@/components/ui/table";

/**
 * A card that lists records of the subtree (accounts, tokens) with the button that adds one; a record
 * no longer in use (disabled, revoked) stays listed, greyed out. `children` are the card's dialogs.
 */
export function RecordList<T extends { id: string }>({
  title,
  addLabel,
  onAdd,
  query,
  empty,
  columns,
  retired,
  children,
}: {
  title: string;
  addLabel: string;
  onAdd: () => void;
  query: { data: T[] | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  empty: string;
  columns: readonly Column<T>[];
  retired: (record: T) => boolean;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader title={title} actions={<Button onClick={onAdd}>{addLabel}</Button>} />
      <QueryView query={query} isEmpty={(list) => list.length === 0} empty={empty}>
        {(list) => (
          <DataTable
            columns={columns}
            rows={list}
            rowKey={(record) => record.id}
            rowProps={(record) => ({ className: retired(record) ? "text-slate-400" : undefined })}
          />
        )}
      </QueryView>
      {children}
    </Card>
  );
}
