/**
 * Settings every test project shares. Timeouts are sized for a loaded 2-core machine: no test asserts
 * speed (that is `pnpm bench`'s work), so a slow machine may take longer but never fails for it.
 */
export const sharedTestOptions = {
  testTimeout: 60_000,
  hookTimeout: 180_000,
} as const;
