/**
 * A small synthetic nation for a test suite: a fresh database of the dialect, `synthesizeNation`'s
 * organisations and reports, an admin at the root and a caller acting as them. The fields are filled
 * in the suite's beforeAll and the database dropped in its afterAll.
 */
import { createUser, type Database, type Dialect, SYSTEM_AUDIT } from "@nianbao/db";
import { type NationOptions, synthesizeNation } from "@nianbao/db/synth";
import { createTestDb, type TestDb } from "@nianbao/db/testing";
import { afterAll, beforeAll } from "vitest";
import { createCaller, createContextInner } from "../index";
import { actorFromUser } from "../services/accounts";
import { TEST_NOW } from "./world";

export interface Nation {
  db: Database;
  rootId: string;
  adminId: string;
  call: ReturnType<typeof createCaller>;
}

export function useNation(dialect: Dialect, enabled: boolean, options: NationOptions): Nation {
  const nation = {} as Nation;
  let test: TestDb | undefined;
  beforeAll(async () => {
    if (!enabled) return;
    test = await createTestDb(dialect);
    nation.db = test.db;
    nation.rootId = (await synthesizeNation(test.db, options)).rootId;
    const admin = await createUser(
      test.db,
      { orgId: nation.rootId, username: "nation-admin", displayName: "国家", role: "admin", passwordHash: "!" },
      SYSTEM_AUDIT,
    );
    nation.adminId = admin.id;
    nation.call = createCaller(createContextInner({ db: test.db, actor: actorFromUser(admin, null), config: { now: () => TEST_NOW } }));
  }, 120_000);
  afterAll(async () => {
    await test?.drop();
  });
  return nation;
}
