/**
 * The calendar of the report: deadlines are dates in China (UTC+8), whatever the server's or the
 * browser's time zone. One module, so the API, the editor and the progress board count days alike.
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
const DAY_MS = 86_400_000;

/** Today's ISO date in China (no daylight saving there, so a fixed offset is exact). */
export function chinaToday(now: number | Date = Date.now()): string {
  return new Date(+now + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The date a report on `year` is due (art. 49: departments 1月31日, governments 3月31日 of the next year). */
export function deadlineFor(year: number, kind: AgencyKind, deadlines: Deadlines = STATUTORY_DEADLINES): string {
  return `${year + 1}-${deadlines[kind]}`;
}

/** Whole days from `today` to `date` (ISO dates); negative when `date` is past. */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}
