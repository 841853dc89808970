/**
 * Build the admin app (apps/admin) only when its sources changed since the last successful build.
 *
 * A build is fresh when the stamp written after it still matches a hash of everything the bundle is
 * made from: the admin's own sources and config, the sources of the workspace packages it depends on
 * (@nianbao/core runs in the browser; the API's types are checked at build), and the lockfile. Hashing
 * content rather than comparing mtimes keeps a checkout, a copy or a `touch` from forcing a rebuild.
 * The stamp lives inside the build folder, so deleting the folder deletes the stamp too.
 *
 * Used by `pnpm start` (scripts/start.mjs), the browser tests' global setup and the editor benchmark.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const ADMIN_DIR = join(REPO_ROOT, "apps", "admin");
const STAMP_FILE = "nianbao-build-stamp.json";

/** Folders never part of a bundle: dependencies, builds, tests and their support, and tools. */
const SKIPPED_DIRS = new Set(["node_modules", ".turbo", "e2e", "bench", "scripts", "test", "test-support", "coverage"]);
const isBuildDir = (name) => name.startsWith(".next");
const isTestFile = (name) => /\.(test|spec|bench)\.[cm]?[jt]sx?$/.test(name);
/** Files that do not change the bundle: docs, and those Next writes itself (next-env.d.ts names the build folder). */
const isIgnoredFile = (name) => name === "next-env.d.ts" || name.endsWith(".md") || name.endsWith(".tsbuildinfo");

function listFiles(dir, into = []) {
  if (!existsSync(dir)) return into;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || isBuildDir(entry.name) || entry.name.startsWith(".git")) continue;
      listFiles(join(dir, entry.name), into);
    } else if (entry.isFile() && !isTestFile(entry.name) && !isIgnoredFile(entry.name)) {
      into.push(join(dir, entry.name));
    }
  }
  return into;
}

/** The workspace packages (`@nianbao/*`) by name → folder. */
function workspacePackages() {
  const found = new Map();
  for (const group of ["packages", "tooling"]) {
    const base = join(REPO_ROOT, group);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base, { withFileTypes: true })) {
      const manifestPath = join(base, entry.name, "package.json");
      if (entry.isDirectory() && existsSync(manifestPath))
        found.set(JSON.parse(readFileSync(manifestPath, "utf8")).name, join(base, entry.name));
    }
  }
  return found;
}

const workspaceDepsOf = (dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => name.startsWith("@nianbao/"));
};

/** The folders of the workspace packages the admin depends on, directly or through one another. */
function workspaceDependencyDirs() {
  const packages = workspacePackages();
  const seen = new Set();
  const queue = workspaceDepsOf(ADMIN_DIR);
  while (queue.length) {
    const name = queue.shift();
    if (seen.has(name) || !packages.has(name)) continue;
    seen.add(name);
    queue.push(...workspaceDepsOf(packages.get(name)));
  }
  return [...seen].map((name) => packages.get(name)).sort();
}

/** A hash of every input of the admin's build. `extra` adds settings fixed at build time. */
export function adminSourceHash(extra = {}) {
  const hash = createHash("sha256");
  const files = [...listFiles(ADMIN_DIR), ...workspaceDependencyDirs().flatMap((dir) => listFiles(dir)), join(REPO_ROOT, "pnpm-lock.yaml")]
    .filter((file) => existsSync(file))
    .sort();
  for (const file of files) {
    hash.update(relative(REPO_ROOT, file));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  hash.update(JSON.stringify(extra));
  return hash.digest("hex");
}

/** Where a build lives: `.next` by default, or NIANBAO_ADMIN_DIST_DIR (read by the admin's next.config.ts). */
export function distDirOf(distDir) {
  return join(ADMIN_DIR, distDir || ".next");
}

function readStamp(distDir) {
  try {
    return JSON.parse(readFileSync(join(distDirOf(distDir), STAMP_FILE), "utf8"));
  } catch {
    return null;
  }
}

/**
 * Whether `distDir` holds a production build of the current sources.
 * @param {{ distDir?: string, extra?: object }} [options]
 */
export function isAdminBuildFresh({ distDir, extra } = {}) {
  return builtFrom(distDir, adminSourceHash(extra));
}

/** Whether `distDir` holds a build (its BUILD_ID) stamped, after it succeeded, with the sources hash `hash`. */
function builtFrom(distDir, hash) {
  return readStamp(distDir)?.hash === hash && existsSync(join(distDirOf(distDir), "BUILD_ID"));
}

/** The `next` command of the admin app (its own dependency). */
export function nextBin() {
  const bin = join(ADMIN_DIR, "node_modules", "next", "dist", "bin", "next");
  if (!existsSync(bin)) throw new Error("apps/admin has no `next`: run `pnpm install` first");
  return bin;
}

/**
 * Build the admin into `distDir` unless a fresh build is there. Resolves to `true` when it built.
 * `log` receives the build's output (default: this process's stdout/stderr).
 * @param {{ distDir?: string, extra?: object, env?: NodeJS.ProcessEnv, log?: (text: string) => unknown }} [options]
 * @returns {Promise<boolean>}
 */
export async function ensureAdminBuild({ distDir, extra, env = process.env, log } = {}) {
  const hash = adminSourceHash(extra);
  if (builtFrom(distDir, hash)) return false;
  const started = Date.now();
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(), "build"], {
      cwd: ADMIN_DIR,
      env: { ...env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...(distDir ? { NIANBAO_ADMIN_DIST_DIR: distDir } : {}) },
      stdio: log ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    });
    let output = "";
    if (log) {
      for (const stream of [child.stdout, child.stderr]) {
        stream.on("data", (chunk) => {
          output += chunk;
          log(String(chunk));
        });
      }
    }
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`next build failed (${signal ?? `exit ${code}`})${output ? `:\n${output.slice(-4000)}` : ""}`));
    });
  });
  writeFileSync(
    join(distDirOf(distDir), STAMP_FILE),
    `${JSON.stringify({ hash, builtAt: new Date().toISOString(), seconds: (Date.now() - started) / 1000 })}\n`,
  );
  return true;
}

// ---- Running the API and the admin as child processes (pnpm start, browser tests, benchmark) ----

/**
 * A free TCP port on 127.0.0.1 (the OS picks one; there is a small window before it is used).
 * @returns {Promise<number>}
 */
export async function freePort() {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The API server (apps/server) as a child process. It is started with Node and tsx directly, not
 * through pnpm, so that a signal sent to it reaches the server itself.
 */
/** @param {{ env: NodeJS.ProcessEnv, stdio?: import("node:child_process").StdioOptions }} options */
export function spawnApi({ env, stdio = ["ignore", "pipe", "pipe"] }) {
  return spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: join(REPO_ROOT, "apps", "server"), env, stdio });
}

/**
 * `next start` of the built admin, sending `/api/trpc/*` to `apiUrl` (read by the admin at request time).
 * @param {{ port: number, host?: string, apiUrl: string, distDir?: string, env?: NodeJS.ProcessEnv, stdio?: import("node:child_process").StdioOptions }} options
 */
export function spawnAdmin({ port, host = "127.0.0.1", apiUrl, distDir, env = process.env, stdio = ["ignore", "pipe", "pipe"] }) {
  return spawn(process.execPath, [nextBin(), "start", "--port", String(port), "--hostname", host], {
    cwd: ADMIN_DIR,
    env: {
      ...env,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      NIANBAO_API_URL: apiUrl,
      ...(distDir ? { NIANBAO_ADMIN_DIST_DIR: distDir } : {}),
    },
    stdio,
  });
}

/**
 * Wait until `url` answers with a status below 500, or fail after `timeoutMs` or when `child` exits
 * first (its exit code is in the message).
 * @param {string} url
 * @param {{ timeoutMs?: number, child?: import("node:child_process").ChildProcess }} [options]
 */
export async function waitForHttp(url, { timeoutMs = 120_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  const onExit = (code, signal) => (exited = signal ?? `exit ${code}`);
  child?.once("exit", onExit);
  try {
    while (Date.now() < deadline) {
      if (exited) throw new Error(`${url}: the process serving it stopped (${exited})`);
      try {
        const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        if (response.status < 500) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
  } finally {
    child?.off("exit", onExit);
  }
}

/**
 * Stop a child: SIGTERM, then SIGKILL if it is still there after `graceMs`. Resolves when it has exited.
 * @param {import("node:child_process").ChildProcess | undefined} child
 * @returns {Promise<void>}
 */
export function stopChild(child, graceMs = 10_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
