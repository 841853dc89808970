/**
 * A fresh database for the tests of one describe block: made before the first test (not at all where
 * the dialect is not enabled) and dropped after the last. Read its fields inside the tests.
 */
import { afterAll, beforeAll } from "vitest";
import type { Dialect } from "../client";
import { createTestDb, type TestDb } from "./index";

export function suiteDb(dialect: Dialect, enabled: boolean, timeout?: number): TestDb {
  let made: TestDb | undefined;
  beforeAll(async () => {
    if (enabled) made = await createTestDb(dialect);
  }, timeout);
  afterAll(async () => made?.drop());
  const current = (): TestDb => {
    if (!made) throw new Error(`the ${dialect} test database exists only while the suite's tests run`);
    return made;
  };
  return {
    get db() {
      return current().db;
    },
    get url() {
      return current().url;
    },
    drop: () => current().drop(),
  };
}
