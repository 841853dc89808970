/** Statutory deadlines (core's STATUTORY_DEADLINES: 1月31日 departments, 3月31日 governments, next year). */
import { type AgencyKind, STATUTORY_DEADLINES } from "@nianbao/core";

export function deadlineFor(year: number, kind: AgencyKind): string {
  return `${year + 1}-${STATUTORY_DEADLINES[kind]}`;
}

/** Today's date in China (ISO), the calendar the deadlines are in. */
export function chinaToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Whole days from `today` to `deadline` (negative: late by that many days). */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
