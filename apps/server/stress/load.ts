/**
 * A minute of load: signed-in clients read, check and save their reports without pause while the
 * server's resident memory is sampled; growth after the warm-up would be a leak.
 */
import type { ReportDocument } from "@nianbao/core";
import { Client, marked } from "./client";
import type { RunningServer } from "./server";

export interface LoadFigures {
  seconds: number;
  clients: number;
  requests: number;
  byStatus: Record<string, number>;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Resident memory samples (MB), every 2 s. */
  rss: number[];
  /** Mean RSS of the last quarter of the run minus that of the second quarter. */
  growthMb: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : 0;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

export async function load(server: RunningServer, seconds: number, clients: number): Promise<LoadFigures> {
  const first = new Client(server.base);
  const { orgId } = await first.login();
  const workers: { client: Client; id: string; document: ReportDocument; revision: number }[] = [];
  for (let i = 0; i < clients; i++) {
    const client = i === 0 ? first : new Client(server.base);
    if (i > 0) await client.login();
    // One report per client, in years no other phase used.
    const draft = await client.draft(orgId, 2030 + i);
    workers.push({ client, ...draft, revision: 1 });
  }
  const byStatus: Record<string, number> = {};
  const latencies: number[] = [];
  const rss: number[] = [];
  const end = Date.now() + seconds * 1000;
  const sampler = setInterval(() => rss.push(server.memory().rssMb), 2000);
  rss.push(server.memory().rssMb);
  await Promise.all(
    workers.map(async (w, i) => {
      for (let n = 0; Date.now() < end; n++) {
        const t = performance.now();
        let status: number;
        switch (n % 4) {
          case 0: {
            const answer = await w.client.call("mutation", "reports.update", {
              id: w.id,
              baseRevision: w.revision,
              document: marked(w.document, `load ${i} ${n}`),
            });
            if (answer.status === 200) w.revision = (answer.data as { revision: number }).revision;
            status = answer.status;
            break;
          }
          case 1:
            status = (await w.client.call("query", "reports.get", { id: w.id })).status;
            break;
          case 2:
            status = (await w.client.call("query", "reports.list", { orgId })).status;
            break;
          default:
            status = (await w.client.call("query", "reports.validate", { id: w.id })).status;
        }
        latencies.push(performance.now() - t);
        byStatus[status] = (byStatus[status] ?? 0) + 1;
      }
    }),
  );
  clearInterval(sampler);
  rss.push(server.memory().rssMb);
  const sorted = [...latencies].sort((a, b) => a - b);
  const quarter = Math.max(1, Math.floor(rss.length / 4));
  return {
    seconds,
    clients,
    requests: latencies.length,
    byStatus,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    rss,
    growthMb: mean(rss.slice(-quarter)) - mean(rss.slice(quarter, 2 * quarter)),
  };
}
