/**
 * The API as a plain tRPC client from Node, signed in as a demo account: the tests use it to prepare
 * data (a fresh draft for each test, so no test depends on another's edits) and to check what the
 * browser did reached the server. Types come from the router; nothing is re-declared here.
 */
import type { AppRouter } from "@nianbao/api";
import { getCell, getFormat, type ReportDocument, writeCell } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import { createTRPCClient, httpLink, type TRPCClient } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";

export type ApiClient = TRPCClient<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

/** A client signed in as `username` (the session cookie is kept and sent with every call). */
export async function signedInApi(apiUrl: string, username: string, password: string): Promise<ApiClient> {
  let cookie = "";
  const client = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${apiUrl}/trpc`,
        headers: () => (cookie ? { cookie, "accept-language": "zh-CN" } : { "accept-language": "zh-CN" }),
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          const setCookie = response.headers.get("set-cookie");
          if (setCookie) cookie = setCookie.split(";")[0]!;
          return response;
        },
      }),
    ],
  });
  await client.auth.login.mutate({ username, password });
  return client;
}

type OrgNode = Outputs["orgs"]["tree"];

/** The organisation called `name` in the caller's tree (the demo's names are unique). */
export async function orgNamed(api: ApiClient, name: string): Promise<OrgNode> {
  const queue = [await api.orgs.tree.query({})];
  for (let node = queue.shift(); node; node = queue.shift()) {
    if (node.name === name) return node;
    queue.push(...node.children);
  }
  throw new Error(`no organisation named ${name}`);
}

const APPLICANTS = ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg"] as const;

/**
 * Make a sample report continue last year's, as a real one does: 上年结转 is last year's 结转下年度,
 * 本年新收 keeps 一＋二＝三＋四, 现行有效件数 rolls over, and the overview states the number received.
 */
function continueFrom(doc: ReportDocument, previous: ReportDocument): ReportDocument {
  const format = getFormat(doc.formatVersion);
  const tables = doc.tables as unknown as Record<string, unknown>;
  const num = (d: ReportDocument, id: string) => Number(getCell(d, id) ?? 0);
  const set = (id: string, value: number) => writeCell(tables, format.cellById.get(id)!, value);
  for (const column of APPLICANTS) {
    const over = num(previous, `applications.carriedForward.${column}`);
    let forward = num(doc, `applications.carriedForward.${column}`);
    let received = num(doc, `applications.results.totalProcessed.${column}`) + forward - over;
    if (received < 0) [forward, received] = [forward - received, 0];
    set(`applications.carriedOver.${column}`, over);
    set(`applications.newReceived.${column}`, received);
    set(`applications.carriedForward.${column}`, forward);
  }
  for (const row of ["newReceived", "carriedOver", "carriedForward"]) {
    set(
      `applications.${row}.total`,
      APPLICANTS.reduce((sum, column) => sum + num(doc, `applications.${row}.${column}`), 0),
    );
  }
  for (const row of ["regulations", "normativeDocuments"]) {
    const inForce =
      num(previous, `activeDisclosure.${row}.inForce`) +
      num(doc, `activeDisclosure.${row}.issued`) -
      num(doc, `activeDisclosure.${row}.repealed`);
    set(`activeDisclosure.${row}.inForce`, Math.max(0, inForce));
  }
  const received = num(doc, "applications.newReceived.total");
  doc.sections.overview = doc.sections.overview.replace(/共收到政府信息公开申请\d+件/u, `共收到政府信息公开申请${received}件`);
  return doc;
}

/**
 * A new draft of `year` for the organisation, filled with a complete 2021-format report that balances
 * and continues last year's (no errors), so the test starts from a clean editor and owns the report.
 */
export async function freshFullDraft(
  api: ApiClient,
  orgName: string,
  year: number,
  seed = year,
): Promise<{ id: string; orgId: string; year: number; document: ReportDocument; revision: number }> {
  const org = await orgNamed(api, orgName);
  const [last] = (await api.reports.list.query({ orgId: org.id, year: year - 1 })).filter((r) => r.orgId === org.id);
  const created = await api.reports.create.mutate({ orgId: org.id, year });
  let document = sampleReport({ seed, year, agencyName: org.name, agencyKind: org.kind, scale: 5 });
  if (last) document = continueFrom(document, (await api.reports.get.query({ id: last.id })).document);
  const saved = await api.reports.update.mutate({ id: created.report.id, baseRevision: created.revision, document, note: "e2e" });
  return { id: created.report.id, orgId: org.id, year, document, revision: saved.revision };
}

/** The current value of a cell in the stored report. */
export async function storedCell(api: ApiClient, reportId: string, cellId: string): Promise<unknown> {
  const { document } = await api.reports.get.query({ id: reportId });
  return getCell(document, cellId);
}
