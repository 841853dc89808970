import { describe, expect, it } from "vitest";
import {
  calendarDate,
  chinaToday,
  daysBetween,
  daysUntil,
  deadlineFor,
  isIsoDate,
  isoDate,
  isoTimestamp,
  workingYear,
  yearInPreparation,
} from "./dates";

describe("the report's calendar", () => {
  it("counts today in China, not in UTC", () => {
    // 2025-01-31 17:00 UTC is already 1 February in Beijing.
    expect(chinaToday(Date.parse("2025-01-31T17:00:00Z"))).toBe("2025-02-01");
    expect(chinaToday(Date.parse("2025-01-31T15:59:59Z"))).toBe("2025-01-31");
  });

  it("works on the year before today's year in China", () => {
    // 2026-12-31 16:30 UTC is already 1 January 2027 in Beijing: 2026's reports are now being written.
    expect(workingYear(Date.parse("2026-12-31T16:30:00Z"))).toBe(2026);
    expect(workingYear(Date.parse("2026-12-31T15:59:59Z"))).toBe(2025);
    expect(workingYear(new Date("2025-01-20T02:00:00Z"))).toBe(2024);
    expect(workingYear(Date.parse("2025-12-31T12:00:00Z"))).toBe(2024);
  });

  it("offers the year then ending for preparation in December only", () => {
    expect(yearInPreparation("2026-12-01")).toBe(2026);
    expect(yearInPreparation("2026-12-31")).toBe(2026);
    expect(yearInPreparation("2026-11-30")).toBeNull();
    // January: that year's report is the working year's own, not one to prepare beside it.
    expect(yearInPreparation("2027-01-05")).toBeNull();
    // In China's calendar: 2026-11-30 16:30 UTC is already 1 December in Beijing.
    expect(yearInPreparation(chinaToday(Date.parse("2026-11-30T16:30:00Z")))).toBe(2026);
  });

  it("dates the statutory deadlines in the year after the report year", () => {
    expect(deadlineFor(2024, "department")).toBe("2025-01-31");
    expect(deadlineFor(2024, "government")).toBe("2025-03-31");
    expect(deadlineFor(2024, "department", { department: "01-15", government: "03-15" })).toBe("2025-01-15");
  });

  it("counts whole days, negative once a date is past", () => {
    expect(daysUntil("2025-01-31", "2025-01-01")).toBe(30);
    expect(daysUntil("2025-01-31", "2025-02-02")).toBe(-2);
    expect(daysUntil("2024-03-01", "2024-02-28")).toBe(2);
  });

  it("counts the days between two dates across month, year and leap-day boundaries", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2023-02-28", "2023-03-01")).toBe(1);
    expect(daysBetween("2024-12-31", "2025-01-01")).toBe(1);
    expect(daysBetween("2025-03-31", "2025-01-31")).toBe(-59);
    expect(daysUntil("2025-01-31", "2025-01-01")).toBe(daysBetween("2025-01-01", "2025-01-31"));
  });

  it("writes dates from their parts and refuses days the calendar does not have", () => {
    expect(isoDate("2021", "3", "5")).toBe("2021-03-05");
    expect(isoDate(2022, 12, 31)).toBe("2022-12-31");
    expect(calendarDate(2024, 2, 29)).toBe("2024-02-29");
    expect(calendarDate(2023, 2, 29)).toBeNull();
    expect(calendarDate(2023, 13, 1)).toBeNull();
    expect(isIsoDate("2023-04-31")).toBe(false);
    expect(isIsoDate("2023-4-30")).toBe(false);
    expect(isIsoDate(20230430)).toBe(false);
    expect(isoTimestamp(Date.UTC(2025, 0, 31, 16, 0))).toBe("2025-01-31T16:00:00.000Z");
  });
});
