"use client";
/** The report year being worked on lives in the URL (`?year=2024`), so a link or a reload keeps it. */
import { workingYear, yearSchema } from "@nianbao/core";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/** Without a year in the URL, the one being worked on, by core's rule (China's calendar, not the browser's). */
function defaultYear(): number {
  return workingYear();
}

function parseYear(value: string | null | undefined): number | null {
  if (!value) return null;
  const parsed = yearSchema.safeParse(Number(value));
  return parsed.success ? parsed.data : null;
}

export function useYear(): number {
  return parseYear(useSearchParams().get("year")) ?? defaultYear();
}

/** The years offered in the year switch: from the first year of the regulation's reports to next year. */
export function selectableYears(today = new Date()): number[] {
  const last = today.getFullYear();
  return Array.from({ length: last - 2019 + 1 }, (_, i) => last - i);
}

/** Replace some search params of the current URL (null removes one), without a history entry per keystroke. */
export function useSetSearchParams(): (changes: Record<string, string | null>, mode?: "push" | "replace") => void {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  return useCallback(
    (changes, mode = "replace") => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === "") next.delete(key);
        else next.set(key, value);
      }
      const query = next.toString();
      const url = query ? `${pathname}?${query}` : pathname;
      if (mode === "push") router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    },
    [router, pathname, params],
  );
}

/** A link target that keeps the chosen year. */
export function withYear(href: string, year: number): string {
  return `${href}${href.includes("?") ? "&" : "?"}year=${year}`;
}
