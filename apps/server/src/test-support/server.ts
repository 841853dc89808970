/**
 * A real server on a random port over a fresh database, with a district, one department and one
 * account per role, and a plain-fetch client: what the HTTP suites (holes, attack) share.
 */
import { hashPassword } from "@nianbao/api";
import { createOrganisation, createUser, type Dialect, type Role, SYSTEM_AUDIT } from "@nianbao/db";
import { createTestDb, type TestDb } from "@nianbao/db/testing";
import type { FastifyInstance } from "fastify";
import type { ServerOptions } from "../app";
import { listen, testServer } from "./listen";

export const PASSWORD = "http-test-secret-1";
export const FAST = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
export const NOW = Date.parse("2025-01-10T02:00:00Z");

export interface Reply {
  status: number;
  text: string;
  body: { result?: { data: unknown }; error?: { message: string; data: Record<string, unknown> } } | null;
  headers: Headers;
}

export interface TestServer {
  test: TestDb;
  app: FastifyInstance;
  base: string;
  districtId: string;
  deptId: string;
  /** Session cookies by user name, after `login`. */
  cookies: Map<string, string>;
  login(username: string): Promise<void>;
  call(kind: "query" | "mutation", path: string, input: unknown, as?: string, headers?: Record<string, string>): Promise<Reply>;
  /** A POST with a raw body and headers of the caller's choosing. */
  post(path: string, body: string, headers: Record<string, string>): Promise<Reply>;
  close(): Promise<void>;
}

/** Each account is named after its role: two district admins (admin, admin2), the other roles in the department. */
const USERS: [string, Role, "district" | "dept"][] = [
  ...(["admin", "admin2"] as const).map((name): [string, Role, "district"] => [name, "admin", "district"]),
  ...(["editor", "reviewer", "signer", "viewer"] as const).map((role): [string, Role, "dept"] => [role, role, "dept"]),
];

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  let body: Reply["body"] = null;
  try {
    body = JSON.parse(text) as Reply["body"];
  } catch {
    body = null;
  }
  return { status: response.status, text, body, headers: response.headers };
}

export async function startServer(dialect: Dialect, options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const test = await createTestDb(dialect);
  const db = test.db;
  const district = await createOrganisation(db, { parentId: null, name: "示范区人民政府", kind: "government" }, SYSTEM_AUDIT);
  const dept = await createOrganisation(db, { parentId: district.id, name: "示范区科学技术局", kind: "department" }, SYSTEM_AUDIT);
  const passwordHash = await hashPassword(PASSWORD, FAST);
  for (const [username, role, where] of USERS) {
    await createUser(
      db,
      { orgId: where === "district" ? district.id : dept.id, username, displayName: username, role, passwordHash },
      SYSTEM_AUDIT,
    );
  }
  const app = await testServer(db, { bodyLimit: 10 * 1024 * 1024, apiConfig: { passwordHashing: FAST, now: () => NOW }, ...options });
  const base = await listen(app);
  const cookies = new Map<string, string>();

  const call: TestServer["call"] = async (kind, path, input, as, headers = {}) => {
    const auth: Record<string, string> = as ? { cookie: cookies.get(as)! } : {};
    const response =
      kind === "query"
        ? await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { ...auth, ...headers } })
        : await fetch(`${base}/trpc/${path}`, {
            method: "POST",
            headers: { "content-type": "application/json", ...auth, ...headers },
            body: JSON.stringify(input),
          });
    return reply(response);
  };

  return {
    test,
    app,
    base,
    districtId: district.id,
    deptId: dept.id,
    cookies,
    call,
    post: async (path, body, headers) => reply(await fetch(`${base}/trpc/${path}`, { method: "POST", headers, body })),
    login: async (username) => {
      const response = await call("mutation", "auth.login", { username, password: PASSWORD });
      if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${response.text}`);
      cookies.set(username, response.headers.get("set-cookie")!.split(";")[0]!);
    },
    close: async () => {
      await app.close();
      await test.drop();
    },
  };
}

/** The id of the report a `reports.create` or `reports.import` answer carries. */
export function reportIdOf(created: Reply): string {
  return (created.body!.result!.data as { report: { id: string } }).report.id;
}
