/** Without the demo: an empty database still gets one office and its admin, so someone can sign in. */
import { DEFAULT_CONFIG, hashPassword } from "@nianbao/api";
import { countUsers, createOrganisation, createUser, type Database, SYSTEM_AUDIT } from "@nianbao/db";
import type { SeedResult } from "@nianbao/demo";

export async function bootstrapAdmin(db: Database, password: string): Promise<SeedResult> {
  if ((await countUsers(db)) > 0) return { created: false, users: [], reports: 0 };
  const org = await createOrganisation(db, { parentId: null, name: "本级人民政府", kind: "government" }, SYSTEM_AUDIT);
  const passwordHash = await hashPassword(password, DEFAULT_CONFIG.passwordHashing);
  await createUser(db, { orgId: org.id, username: "admin", displayName: "政务公开办公室", role: "admin", passwordHash }, SYSTEM_AUDIT);
  return { created: true, users: [{ username: "admin", role: "admin", org: org.name }], reports: 0 };
}
