/**
 * The server as the tests and benchmarks build it (silent log, 1 MiB bodies, no CORS, cookies over
 * plain HTTP) on a free loopback port, and a free port for a child process to take.
 */
import { createServer } from "node:net";
import type { Database } from "@nianbao/db";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { buildServer, type ServerOptions } from "../app";

export function testServer(db: Database, options: Partial<ServerOptions> = {}): Promise<FastifyInstance> {
  return buildServer({
    db,
    logger: pino({ level: "silent" }),
    bodyLimit: 1 << 20,
    cookieSecure: false,
    corsOrigins: [],
    ...options,
  });
}

/** Starts listening on a free loopback port and gives the base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

/** A port free at the time of asking, for a server started in another process. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
