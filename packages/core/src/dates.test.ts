import { describe, expect, it } from "vitest";
import { chinaToday, daysUntil, deadlineFor } from "./dates";

describe("the report's calendar", () => {
  it("counts today in China, not in UTC", () => {
    // 2025-01-31 17:00 UTC is already 1 February in Beijing.
    expect(chinaToday(Date.parse("2025-01-31T17:00:00Z"))).toBe("2025-02-01");
    expect(chinaToday(Date.parse("2025-01-31T15:59:59Z"))).toBe("2025-01-31");
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
});
