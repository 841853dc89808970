export { aggregateReports, RollUp, type AggregateOptions, type AggregateResult, type CellAggregate } from "./aggregate";
export { foldMap, commonFormat, CROSS_VERSION_TABLES } from "./fold";
export { draftNextYear, type DraftOptions } from "./draft";
export { reportMetrics, yearOverYear, type ReportMetrics, type Change } from "./metrics";
export { reconcileReports, type CellDifference } from "./reconcile";
export {
  addFigures,
  addSums,
  emptySum,
  missingCells,
  nonZeroCells,
  reportFigures,
  summableValue,
  type ReportFigures,
  type SummedLists,
  type SummedReports,
} from "./summed";
// The check a stream of reports passes before it is summed (it lives beside the schema it mirrors).
export { documentIssue, isReportDocument } from "../schema/document-check";
