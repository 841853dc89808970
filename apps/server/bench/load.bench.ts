/**
 * Load test of the API over loopback: `reports.get` and `reports.list` through the real server
 * (Fastify + tRPC + token auth + the database) against a bare node:http server returning the very
 * same JSON bytes, measured in the same run with autocannon for a bounded time each.
 * SQLite always; PostgreSQL when NIANBAO_TEST_PG_URL (or a postgres DATABASE_URL) is set.
 *
 *   pnpm exec tsx apps/server/bench/load.bench.ts
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { actorFromUser, createCaller, createContextInner } from "@nianbao/api";
import { type Dialect, findUserForLogin, listReports } from "@nianbao/db";
import { createTestDb } from "@nianbao/db/testing";
import { seedDemo } from "@nianbao/demo";
import autocannon from "autocannon";
import { pino } from "pino";
import { buildServer } from "../src/app";
import { benchEnv } from "./env";

const CONNECTIONS = 10;
const FAST = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

interface Measure {
  rps: number;
  p99: number;
  errors: number;
}

async function measure(url: string, headers: Record<string, string> = {}): Promise<Measure> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: benchEnv.seconds, headers });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

async function run(dialect: Dialect) {
  const test = await createTestDb(dialect, dialect === "postgres" ? { pgUrl: benchEnv.pgUrl! } : {});
  try {
    await seedDemo(test.db, { adminPassword: "bench-password-1", passwordHashing: FAST });
    const admin = await findUserForLogin(test.db, "admin");
    const caller = createCaller(createContextInner({ db: test.db, actor: actorFromUser(admin!, null) }));
    const { token } = await caller.tokens.create({ orgId: admin!.orgId, name: "bench", role: "viewer" });
    const reports = await listReports(test.db, { scopePath: admin!.orgPath, year: 2023 });
    const target = reports.find((r) => r.orgKind === "department")!;

    const app = await buildServer({ db: test.db, logger: pino({ level: "silent" }), bodyLimit: 1 << 20, cookieSecure: false, corsOrigins: [] });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const port = (app.server.address() as AddressInfo).port;
    const headers = { authorization: `Bearer ${token}` };
    const paths = {
      "reports.get": `/trpc/reports.get?input=${encodeURIComponent(JSON.stringify({ id: target.id }))}`,
      "reports.list": `/trpc/reports.list?input=${encodeURIComponent(JSON.stringify({ year: 2023 }))}`,
    };
    // The bare server answers with the exact bytes the API gave.
    const bodies = new Map<string, Buffer>();
    for (const path of Object.values(paths)) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      bodies.set(path, Buffer.from(await response.arrayBuffer()));
    }
    const bare = createServer((req, res) => {
      const body = bodies.get(req.url ?? "") ?? Buffer.from("{}");
      res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
      res.end(body);
    });
    const barePort = await listen(bare);

    const rows = [];
    for (const [name, path] of Object.entries(paths)) {
      const api = await measure(`http://127.0.0.1:${port}${path}`, headers);
      const baseline = await measure(`http://127.0.0.1:${barePort}${path}`);
      rows.push({ dialect, name, bytes: bodies.get(path)!.length, api, baseline });
    }
    await app.close();
    await new Promise((resolve) => bare.close(resolve));
    return rows;
  } finally {
    await test.drop();
  }
}

const dialects: Dialect[] = benchEnv.pgUrl ? ["sqlite", "postgres"] : ["sqlite"];
const all = [];
for (const dialect of dialects) all.push(...(await run(dialect)));

const pad = (value: string | number, width: number) => String(value).padStart(width);
const lines = [
  `API vs bare node:http, loopback, ${CONNECTIONS} connections, ${benchEnv.seconds} s each (req/s = mean, p99 in ms)`,
  `${"database".padEnd(9)}${"procedure".padEnd(14)}${pad("bytes", 7)}${pad("api req/s", 11)}${pad("api p99", 9)}${pad("bare req/s", 12)}${pad("bare p99", 10)}${pad("api/bare", 10)}${pad("errors", 8)}`,
  ...all.map(
    (r) =>
      `${r.dialect.padEnd(9)}${r.name.padEnd(14)}${pad(r.bytes, 7)}${pad(Math.round(r.api.rps), 11)}${pad(r.api.p99, 9)}${pad(Math.round(r.baseline.rps), 12)}${pad(r.baseline.p99, 10)}${pad(`${((r.api.rps / r.baseline.rps) * 100).toFixed(1)}%`, 10)}${pad(r.api.errors + r.baseline.errors, 8)}`,
  ),
  ...(benchEnv.pgUrl ? [] : ["(PostgreSQL skipped: set NIANBAO_TEST_PG_URL to include it)"]),
];
process.stdout.write(`${lines.join("\n")}\n`);
