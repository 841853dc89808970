import { index, integer, primaryKey, pgTable, text } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { reports } from "./reports";

/**
 * Each report as it counts in roll-ups: the revision that counts (approved or last published) and its
 * figures (core's `reportFigures`, JSON), written in the transaction that changes which revision counts.
 * A report with no counting revision has no row.
 */
export const rollupInputs = pgTable(
  "rollup_inputs",
  {
    reportId: text("report_id")
      .primaryKey()
      .references(() => reports.id),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id),
    year: integer("year").notNull(),
    formatVersion: text("format_version").notNull(),
    revisionNo: integer("revision_no").notNull(),
    /** JSON array: each cell's value in the format's cell order, null where the cell is not usable. */
    figures: text("figures").notNull(),
    /** Cell indices with a non-zero value, comma-separated (the report is their contributor). */
    nonZero: text("non_zero").notNull(),
    /** Cell indices with no usable value, comma-separated (usually empty). */
    missing: text("missing").notNull(),
  },
  (t) => [index("rollup_inputs_year_org_idx").on(t.year, t.orgId)],
);

/**
 * Per organisation, year and format: core's `SummedReports` of every counting report strictly below
 * the organisation, kept current with `rollup_inputs` in the same transaction. `seq` grows with every
 * change to the subtree's reports of the year (status included), so a computed roll-up can be reused
 * while it stays the same.
 */
export const rollupSums = pgTable(
  "rollup_sums",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id),
    year: integer("year").notNull(),
    formatVersion: text("format_version").notNull(),
    inputs: integer("inputs").notNull(),
    /** JSON: { sums, reported, missingCount, money } by cell index. */
    sums: text("sums").notNull(),
    seq: integer("seq").notNull(),
  },
  (t) => [primaryKey({ name: "rollup_sums_pk", columns: [t.orgId, t.year, t.formatVersion] })],
);
