/**
 * Saves under faults: a stream of saves cut by `kill -9` of the server (every acknowledged save must
 * be found after the restart), and many clients saving one report at once (exactly one winner per
 * base revision).
 */
import type { ReportDocument } from "@nianbao/core";
import { Client, marked } from "./client";
import { type RunningServer, startServer } from "./server";

export interface CrashRound {
  round: number;
  /** How long the saves ran before the kill. */
  killedAfterMs: number;
  acknowledged: number;
  /** Acknowledged saves found after the restart, with their content. */
  found: number;
  /** Saves whose request was cut by the kill (no answer): present or not, both are right. */
  cut: number;
  /** Of the cut ones, how many had committed (found after the restart). */
  cutButCommitted: number;
  restartMs: number;
  problems: string[];
}

interface Draft {
  id: string;
  document: ReportDocument;
  revision: number;
}

/** Revision number → note, and the current revision, read back from the server. */
async function readBack(client: Client, id: string): Promise<{ notes: Map<number, string | null>; current: number }> {
  const history = await client.call("query", "reports.history", { id });
  const got = await client.call("query", "reports.get", { id });
  if (history.status !== 200 || got.status !== 200) throw new Error(`read back ${id}: ${history.status}/${got.status}`);
  const revisions = (history.data as { revisions: { revisionNo: number; note: string | null }[] }).revisions;
  return {
    notes: new Map(revisions.map((r) => [r.revisionNo, r.note])),
    current: (got.data as { report: { currentRevision: number } }).report.currentRevision,
  };
}

/**
 * `rounds` times: four clients save their own report without pause; after 0.7–1.5 s the server is
 * killed with SIGKILL and restarted on the same database. Resolves with the server left running.
 */
export async function crashRounds(databaseUrl: string, rounds: number): Promise<{ server: RunningServer; rounds: CrashRound[] }> {
  let server = await startServer(databaseUrl);
  let client = new Client(server.base);
  const { orgId } = await client.login();
  const drafts: Draft[] = [];
  for (const year of [2021, 2022, 2023, 2024]) drafts.push({ ...(await client.draft(orgId, year)), revision: 1 });
  const results: CrashRound[] = [];
  for (let round = 1; round <= rounds; round++) {
    const acknowledged: { draft: Draft; revision: number; note: string }[] = [];
    const cut: { draft: Draft; note: string }[] = [];
    const problems: string[] = [];
    let stop = false;
    const loops = drafts.map(async (draft, c) => {
      for (let n = 1; !stop; n++) {
        const note = `round ${round} client ${c} save ${n}`;
        try {
          const answer = await client.call("mutation", "reports.update", {
            id: draft.id,
            baseRevision: draft.revision,
            document: marked(draft.document, note),
            note,
          });
          if (answer.status !== 200) {
            problems.push(`${note}: ${answer.status} ${answer.message}`);
            return;
          }
          draft.revision = (answer.data as { revision: number }).revision;
          acknowledged.push({ draft, revision: draft.revision, note });
        } catch {
          cut.push({ draft, note });
          return;
        }
      }
    });
    const killedAfterMs = 700 + ((round * 373) % 800);
    await new Promise((resolve) => setTimeout(resolve, killedAfterMs));
    await server.kill();
    stop = true;
    await Promise.all(loops);

    const restartStart = performance.now();
    server = await startServer(databaseUrl);
    const restartMs = Math.round(performance.now() - restartStart);
    client = new Client(server.base);
    await client.login();
    let found = 0;
    let cutButCommitted = 0;
    for (const draft of drafts) {
      const { notes, current } = await readBack(client, draft.id);
      const expected = Array.from({ length: current }, (_, i) => i + 1);
      if (expected.some((r) => !notes.has(r)) || notes.size !== current)
        problems.push(`report ${draft.id}: revisions are not 1…${current}`);
      for (const save of acknowledged.filter((a) => a.draft === draft)) {
        if (notes.get(save.revision) === save.note) found++;
        else problems.push(`lost: ${save.note} (revision ${save.revision}) reads ${JSON.stringify(notes.get(save.revision))}`);
      }
      for (const save of cut.filter((c) => c.draft === draft)) if ([...notes.values()].includes(save.note)) cutButCommitted++;
      // The content of the last revision is the last save's.
      const last = await client.call("query", "reports.get", { id: draft.id, revision: current });
      const overview = (last.data as { document: ReportDocument }).document.sections.overview ?? "";
      if (notes.get(current) && !overview.endsWith(notes.get(current)!))
        problems.push(`report ${draft.id}: revision ${current} does not hold its save`);
      draft.revision = current;
    }
    results.push({ round, killedAfterMs, acknowledged: acknowledged.length, found, cut: cut.length, cutButCommitted, restartMs, problems });
  }
  return { server, rounds: results };
}

export interface Contention {
  clients: number;
  rounds: number;
  /** Rounds with exactly one 200. */
  oneWinner: number;
  ok: number;
  conflicts: number;
  other: number;
  problems: string[];
}

/** `clients` signed-in clients save the same base revision of one report at once, `rounds` times. */
export async function contention(server: RunningServer, clients: number, rounds: number): Promise<Contention> {
  const first = new Client(server.base);
  const { orgId } = await first.login();
  const draft = await first.draft(orgId, 2020);
  const all = [first];
  for (let i = 1; i < clients; i++) {
    const c = new Client(server.base);
    await c.login();
    all.push(c);
  }
  const figures: Contention = { clients, rounds, oneWinner: 0, ok: 0, conflicts: 0, other: 0, problems: [] };
  const winners: { revision: number; note: string }[] = [];
  let base = 1;
  for (let round = 1; round <= rounds; round++) {
    const answers = await Promise.all(
      all.map((c, i) => {
        const note = `round ${round} client ${i}`;
        return c
          .call("mutation", "reports.update", { id: draft.id, baseRevision: base, document: marked(draft.document, note), note })
          .then((a) => ({ a, note }));
      }),
    );
    const ok = answers.filter(({ a }) => a.status === 200);
    const conflicts = answers.filter(({ a }) => a.status === 409);
    figures.ok += ok.length;
    figures.conflicts += conflicts.length;
    figures.other += answers.length - ok.length - conflicts.length;
    if (ok.length === 1) figures.oneWinner++;
    else figures.problems.push(`round ${round}: ${ok.length} saves of base ${base} acknowledged`);
    for (const { a, note } of answers) if (a.status !== 200 && a.status !== 409) figures.problems.push(`${note}: ${a.status} ${a.message}`);
    if (ok[0]) winners.push({ revision: base + 1, note: ok[0].note });
    base++;
  }
  const { notes, current } = await readBack(first, draft.id);
  if (current !== rounds + 1) figures.problems.push(`current revision ${current}, expected ${rounds + 1}`);
  for (const w of winners) if (notes.get(w.revision) !== w.note) figures.problems.push(`lost: ${w.note} at revision ${w.revision}`);
  return figures;
}
