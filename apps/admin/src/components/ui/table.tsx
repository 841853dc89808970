import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

/** One column of a `DataTable`: its header and how a row fills its cell. */
export interface Column<T> {
  header: ReactNode;
  /** A header read out but not shown (a column of links or buttons). */
  hideHeader?: boolean;
  headerClassName?: string;
  className?: string | ((row: T) => string | undefined);
  /** The whole value on hover, for a cell that cuts it short. */
  title?: (row: T) => string | undefined;
  cell: (row: T) => ReactNode;
}

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | undefined };

/**
 * A plain data table (lists of reports, users …) described by its columns; the statutory grids have
 * their own renderer.
 */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  rowProps,
}: {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowProps?: (row: T) => RowAttributes;
}) {
  return (
    <TableFrame>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <Th key={i} className={column.headerClassName}>
              {column.hideHeader ? <span className="sr-only">{column.header}</span> : column.header}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowProps?.(row)}>
            {columns.map((column, i) => (
              <Td
                key={i}
                className={typeof column.className === "function" ? column.className(row) : column.className}
                title={column.title?.(row)}
              >
                {column.cell(row)}
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}

/** The frame of a data table, for the odd table whose rows do not share their cells' shape. */
export function TableFrame({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    <div className="overflow-x-auto">
      <table className={cn("w-full border-collapse text-sm", className)} {...props} />
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn("border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-medium whitespace-nowrap text-slate-600", className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("border-b border-slate-100 px-3 py-2 align-middle", className)} {...props} />;
}
