/** A signed-in tRPC client over plain fetch, as the admin app calls the API. */
import type { ReportDocument } from "@nianbao/core";
import { ADMIN_PASSWORD } from "./server";

export interface Answer {
  status: number;
  /** `result.data` of a 200. */
  data: unknown;
  message: string | null;
}

interface TrpcBody {
  result?: { data: unknown };
  error?: { message: string };
}

export class Client {
  private cookie = "";
  constructor(readonly base: string) {}

  async login(username = "admin", password = ADMIN_PASSWORD): Promise<{ orgId: string }> {
    const response = await fetch(`${this.base}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 200) throw new Error(`login: ${response.status} ${await response.text()}`);
    this.cookie = response.headers.get("set-cookie")!.split(";")[0]!;
    const body = (await response.json()) as { result: { data: { org: { id: string } } } };
    return { orgId: body.result.data.org.id };
  }

  async call(kind: "query" | "mutation", path: string, input: unknown, signal?: AbortSignal): Promise<Answer> {
    const headers = { cookie: this.cookie, "content-type": "application/json" };
    const response =
      kind === "query"
        ? await fetch(`${this.base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers, signal })
        : await fetch(`${this.base}/trpc/${path}`, { method: "POST", headers, body: JSON.stringify(input), signal });
    const text = await response.text();
    let body: TrpcBody | null = null;
    try {
      body = JSON.parse(text) as TrpcBody;
    } catch {
      body = null;
    }
    return { status: response.status, data: body?.result?.data ?? null, message: body?.error?.message ?? null };
  }

  /** A new draft for `year` in `orgId`: its id and document. */
  async draft(orgId: string, year: number): Promise<{ id: string; document: ReportDocument }> {
    const created = await this.call("mutation", "reports.create", { orgId, year });
    if (created.status !== 200) throw new Error(`reports.create ${year}: ${created.status} ${created.message}`);
    const id = (created.data as { report: { id: string } }).report.id;
    const got = await this.call("query", "reports.get", { id });
    return { id, document: (got.data as { document: ReportDocument }).document };
  }
}

/** The document with a marker in its overview, so a save can be recognised after a crash. */
export function marked(document: ReportDocument, marker: string): ReportDocument {
  return { ...document, sections: { ...document.sections, overview: `${document.sections.overview ?? ""}\n${marker}` } };
}
