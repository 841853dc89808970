/**
 * @nianbao/core — the 政府信息公开工作年度报告 formats as data, the document schema, validation,
 * aggregation and next year's draft. Pure TypeScript: no I/O, runs unchanged in Node and browsers.
 */
export * from "./formats/index";
export * from "./schema/index";
export * from "./money";
export * from "./text";
export * from "./i18n/index";
export * from "./rules/index";
export { validateReport, errorsOf, type ValidateOptions } from "./validate";
export * from "./aggregate/index";
export * from "./editing/index";
export {
  calendarDate,
  chinaToday,
  DAY_MS,
  daysBetween,
  daysUntil,
  deadlineFor,
  isIsoDate,
  isoDate,
  isoTimestamp,
  STATUTORY_DEADLINES,
  type Deadlines,
  workingYear,
  yearInPreparation,
} from "./dates";
export * from "./webhooks";
