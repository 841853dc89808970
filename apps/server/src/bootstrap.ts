/** Without the demo: an empty database still gets one office and its admin, so someone can sign in. */
import { DEFAULT_CONFIG, hashPassword } from "@nianbao/api";
import { countUsers, createOrganisation, createUser, type Database, type Role, SYSTEM_AUDIT } from "@nianbao/db";

export async function bootstrapAdmin(db: Database, password: string) {
  if ((await countUsers(db)) > 0) return { created: false, users: [] as { username: string; role: Role }[], reports: 0, fixtureImported: false, fixtureError: undefined };
  const org = await createOrganisation(db, { parentId: null, name: "本级人民政府", kind: "government" }, SYSTEM_AUDIT);
  const passwordHash = await hashPassword(password, DEFAULT_CONFIG.passwordHashing);
  await createUser(db, { orgId: org.id, username: "admin", displayName: "政务公开办公室", role: "admin", passwordHash }, SYSTEM_AUDIT);
  return { created: true, users: [{ username: "admin", role: "admin" as Role }], reports: 0, fixtureImported: false, fixtureError: undefined };
}
