/**
 * The calendar of the report: deadlines are dates in China (UTC+8), whatever the server's or the
 * browser's time zone. One module, so the API, the editor, the progress board, the rules and the
 * importer write, check and count dates alike. A date is an ISO string (YYYY-MM-DD) everywhere.
 */
import type { AgencyKind } from "./schema/document";

export interface Deadlines {
  /** MM-DD of the year after the report year. Art. 49: departments 01-31. */
  readonly department: string;
  /** Art. 49: the 本级政府 report 03-31. */
  readonly government: string;
}

export const STATUTORY_DEADLINES: Deadlines = { department: "01-31", government: "03-31" };

const CHINA_OFFSET_MS = 8 * 60 * 60_000;
export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO date that exists on the calendar (no 2023-02-29). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

/** The ISO date of a year, month and day as a text writes them ("2021", "3", "5" → "2021-03-05"); not checked. */
export function isoDate(year: number | string, month: number | string, day: number | string): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** As `isoDate`, or null when that day does not exist (a misread 2月30日). */
export function calendarDate(year: number | string, month: number | string, day: number | string): string | null {
  const value = isoDate(year, month, day);
  return isIsoDate(value) ? value : null;
}

/** A moment (epoch milliseconds) as an ISO timestamp in UTC, as the API sends times. */
export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

/** Today's ISO date in China (no daylight saving there, so a fixed offset is exact). */
export function chinaToday(now: number | Date = Date.now()): string {
  return new Date(+now + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The report year being worked on: the year before today's year in China. Reports are written early in
 * the year after the one they cover, so on 2027-01-01 in Beijing (still 2026 in UTC) it is 2026's.
 */
export function workingYear(now: number | Date = Date.now()): number {
  return Number(chinaToday(now).slice(0, 4)) - 1;
}

/**
 * The year whose report may already be prepared on `today` (an ISO date in China), beside the working
 * year: in December, the year then ending, whose report is due a few weeks later; otherwise none.
 */
export function yearInPreparation(today: string): number | null {
  return today.slice(5, 7) === "12" ? Number(today.slice(0, 4)) : null;
}

/** The date a report on `year` is due (art. 49: departments 1月31日, governments 3月31日 of the next year). */
export function deadlineFor(year: number, kind: AgencyKind, deadlines: Deadlines = STATUTORY_DEADLINES): string {
  return `${year + 1}-${deadlines[kind]}`;
}

/** Whole days from `from` to `to` (ISO dates); negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Whole days from `today` to `date` (ISO dates); negative when `date` is past. */
export function daysUntil(date: string, today: string): number {
  return daysBetween(today, date);
}
