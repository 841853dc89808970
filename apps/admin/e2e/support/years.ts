/**
 * The report years the browser tests use. The API they run against seeds the demo with the real clock
 * (support/stack.ts), so its years move with the date: the working year in every workflow state, the
 * years before it published. Computed by the same rule, never written as numbers.
 */
import { workingYear } from "@nianbao/core";

/** The year being worked on: every workflow state, one report published late, one missing. */
export const WORKING_YEAR = workingYear();
/** The year before: every organisation's report published. */
export const PUBLISHED_YEAR = WORKING_YEAR - 1;
/** A year the demo has no report of: each test's fresh draft is of this year. */
export const FRESH_YEAR = WORKING_YEAR + 1;
