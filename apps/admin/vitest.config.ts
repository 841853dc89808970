import { defineProject } from "vitest/config";

/**
 * The admin's browser tests: a real build of the app, a real API server on a fresh database and
 * Chromium (see e2e/README.md). One file at a time — they share one API, one admin and one browser
 * on a 2-core machine — and after every other project has finished, so they do not compete for CPU.
 */
export default defineProject({
  test: {
    name: "admin-e2e",
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["e2e/support/global-setup.ts"],
    fileParallelism: false,
    // Waits are for states (a finding shown, a save acknowledged), never for time; these only bound a stuck run.
    testTimeout: 180_000,
    hookTimeout: 600_000,
    sequence: { groupOrder: 1 },
  },
});
