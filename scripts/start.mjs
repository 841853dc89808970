#!/usr/bin/env node
/**
 * `pnpm start`: the API and the admin app together.
 *
 * 1. builds the admin (apps/admin) when its build is missing or older than its sources;
 * 2. starts the API server (apps/server: migrates the database, seeds the demo into an empty one);
 * 3. starts the built admin with `next start`, sending its `/api/trpc` calls to that API;
 * 4. waits until both answer, then prints where to sign in and the `admin` password.
 *
 * Ctrl+C (SIGINT) or SIGTERM stops both; if either stops on its own, the other is stopped too.
 *
 * Environment: PORT, HOST, DATABASE_URL, NIANBAO_ADMIN_PASSWORD, NIANBAO_SEED_DEMO … as the API
 * server reads them (apps/server/src/env.ts); ADMIN_PORT (default 3000) and ADMIN_HOST (default
 * 127.0.0.1) for the admin; NIANBAO_ADMIN_DIST_DIR for its build folder (default apps/admin/.next).
 */
import { createInterface } from "node:readline";
import { ensureAdminBuild, spawnAdmin, spawnApi, stopChild, waitForHttp } from "./admin-build.mjs";

const env = process.env;
const apiPort = Number(env.PORT || 4000);
const apiHost = env.HOST || "127.0.0.1";
const adminPort = Number(env.ADMIN_PORT || 3000);
const adminHost = env.ADMIN_HOST || "127.0.0.1";
const distDir = env.NIANBAO_ADMIN_DIST_DIR || undefined;
/** The address the admin (and the browser, through it) reaches the API at: a wildcard host is reached on loopback. */
const reachable = (host) => (host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host);
const apiUrl = `http://${reachable(apiHost)}:${apiPort}`;
const adminUrl = `http://${reachable(adminHost)}:${adminPort}`;

const say = (line) => process.stdout.write(`nianbao: ${line}\n`);

say("checking the admin build…");
try {
  say((await ensureAdminBuild({ distDir })) ? "admin built." : "admin build is up to date.");
} catch (error) {
  say(`the admin could not be built: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const children = [];
let stopping = false;

/** Stop every child, then leave with `code`. */
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await Promise.all(children.map((child) => stopChild(child)));
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void shutdown(0));

function watch(child, name) {
  children.push(child);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    say(`the ${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
    void shutdown(code || 1);
  });
}

// The API's own output passes through untouched; the lines of its first-run banner (the generated
// password, the demo accounts) are also kept, to be repeated once everything is up.
const api = spawnApi({ env: { ...env, PORT: String(apiPort), HOST: apiHost }, stdio: ["ignore", "pipe", "inherit"] });
watch(api, "API server");
const banner = [];
createInterface({ input: api.stdout }).on("line", (line) => {
  process.stdout.write(`${line}\n`);
  if (/^\s+(Sign in as|This password|Demo accounts)/.test(line)) banner.push(line.trim());
});

const admin = spawnAdmin({ port: adminPort, host: adminHost, apiUrl, distDir, env, stdio: ["ignore", "inherit", "inherit"] });
watch(admin, "admin");

try {
  await waitForHttp(`${apiUrl}/healthz`, { child: api });
  await waitForHttp(`${adminUrl}/login`, { child: admin });
} catch (error) {
  say(error instanceof Error ? error.message : String(error));
  await shutdown(1);
}

const password = banner.length
  ? banner
  : [
      env.NIANBAO_ADMIN_PASSWORD
        ? 'Sign in as "admin" with NIANBAO_ADMIN_PASSWORD.'
        : 'Sign in as "admin" with the password printed when this database was created.',
    ];
process.stdout.write(
  [
    "",
    `  nianbao is running: open ${adminUrl}`,
    `  API: ${apiUrl}/trpc`,
    ...password.map((line) => `  ${line}`),
    "  Ctrl+C stops both.",
    "",
  ].join("\n") + "\n",
);
