/**
 * The report editor in Chromium, on a full 2021-format report:
 *
 * - keystroke → findings: the time from a key's `keydown` in the page to the findings list showing
 *   the finding that key made appear or disappear (a MutationObserver sees the DOM change; the next
 *   animation frame is when it is painted). Each key alternately breaks and restores 一＋二＝三＋四 in a
 *   cell (F2 End, then "0" appends a digit, Backspace removes it), so every key changes the findings.
 *   Measured as it is and with Chromium's CPU throttled 4× (an old office PC). Baseline from the same
 *   run: validateReport on the same document in Node, the part of each keystroke the rules take.
 * - first-load JavaScript of the editor route: every script a cold load fetches, gzipped here with
 *   zlib (next start may send them uncompressed), summed.
 *
 *   pnpm bench editor         (from the repository root)
 */
import { gzipSync } from "node:zlib";
import { getCell, type ReportDocument, validateReport } from "@nianbao/core";
import { type Browser, chromium, type Page } from "playwright-core";
import { freshFullDraft, signedInApi } from "../e2e/support/api";
import { CHROMIUM_OPTIONS, CONTEXT_OPTIONS } from "../e2e/support/browser-server";
import { openEditor } from "../e2e/support/editor";
import { buildAdmin, startStack } from "../e2e/support/stack";
import { DEMO_PASSWORD } from "../e2e/support/env";
import { FRESH_YEAR } from "../e2e/support/years";

const KEYSTROKES = 200;
const WARM_UP = 20;
/** A separate build folder: a benchmark never shares one with the tests or a developer. */
const DIST_DIR = ".next-bench";
/** 一、本年新收政府信息公开申请数量 of an applicant column: typed by the clerk, an addend of 一＋二＝三＋四. */
const RECEIVED_ROW = "applications.newReceived";
const APPLICANT_COLUMNS = ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg"];

interface FirstLoad {
  files: number;
  gzipped: number;
  raw: number;
  largest: { name: string; gzipped: number }[];
}

interface Stats {
  median: number;
  p95: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

/**
 * In the page: time each keydown until the T3-BAL finding appears or goes (DOM) and the next frame
 * (paint). A string, not a function: tsx would wrap named functions in a helper the page lacks.
 */
const PROBE = `(() => {
  const probe = { dom: [], frame: [], t0: -1 };
  window.__probe = probe;
  const shown = () => document.querySelector('[data-rule="T3-BAL"]') !== null;
  let last = shown();
  document.addEventListener("keydown", () => { probe.t0 = performance.now(); }, true);
  new MutationObserver(() => {
    const now = shown();
    if (now === last || probe.t0 < 0) return;
    last = now;
    const t0 = probe.t0;
    probe.t0 = -1;
    probe.dom.push(performance.now() - t0);
    requestAnimationFrame(() => probe.frame.push(performance.now() - t0));
  }).observe(document.body, { subtree: true, childList: true });
})()`;

function installProbe(page: Page): Promise<void> {
  return page.evaluate(PROBE);
}

async function measureKeystrokes(page: Page, cellId: string): Promise<{ dom: Stats; frame: Stats }> {
  await installProbe(page);
  await page.locator(`[data-cell="${cellId}"]`).click();
  // F2 edits the figure; End puts the caret after it (F2 alone moves it there only on the next frame).
  await page.keyboard.press("F2");
  await page.keyboard.press("End");
  for (let i = 0; i < KEYSTROKES + WARM_UP; i++) {
    await page.keyboard.press(i % 2 === 0 ? "0" : "Backspace");
    await page.waitForFunction((n) => (window as unknown as { __probe: { frame: number[] } }).__probe.frame.length >= n, i + 1);
  }
  await page.keyboard.press("Escape");
  const probe = await page.evaluate(() => (window as unknown as { __probe: { dom: number[]; frame: number[] } }).__probe);
  return { dom: stats(probe.dom.slice(WARM_UP)), frame: stats(probe.frame.slice(WARM_UP)) };
}

/** Gzipped bytes of every script a cold load of `path` fetches (new context: empty cache). */
async function firstLoadScripts(
  browser: Browser,
  adminUrl: string,
  path: string,
  cookie: { name: string; value: string },
  cellId: string,
): Promise<FirstLoad> {
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, baseURL: adminUrl });
  await context.addCookies([{ ...cookie, url: adminUrl }]);
  const page = await context.newPage();
  const bodies: Promise<{ name: string; body: Buffer }>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script")
      bodies.push(response.body().then((body) => ({ name: new URL(response.url()).pathname.split("/").pop()!, body })));
  });
  await page.goto(path, { waitUntil: "networkidle" });
  await page.locator(`[data-cell="${cellId}"]`).waitFor();
  const scripts = (await Promise.all(bodies)).map(({ name, body }) => ({ name, raw: body.length, gzipped: gzipSync(body).length }));
  await context.close();
  const sum = (key: "raw" | "gzipped") => scripts.reduce((total, script) => total + script[key], 0);
  return {
    files: scripts.length,
    gzipped: sum("gzipped"),
    raw: sum("raw"),
    largest: scripts.sort((a, b) => b.gzipped - a.gzipped).slice(0, 4),
  };
}

async function sessionCookie(apiUrl: string, username: string): Promise<{ name: string; value: string }> {
  const response = await fetch(`${apiUrl}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const [pair] = (response.headers.get("set-cookie") ?? "").split(";");
  const [name, ...value] = (pair ?? "").split("=");
  if (!response.ok || !name) throw new Error(`sign-in failed: ${response.status}`);
  return { name, value: value.join("=") };
}

/** The editor's own call (filing mode, last year's report): what the rules cost per keystroke, without a browser. */
function validationBaseline(document: ReportDocument, previous: ReportDocument | undefined): Stats {
  const options = {
    ...(previous ? { previous } : {}),
    mode: "filing" as const,
    lang: "zh" as const,
    today: new Date().toISOString().slice(0, 10),
  };
  for (let i = 0; i < 50; i++) validateReport(document, options);
  const samples: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const t0 = performance.now();
    validateReport(document, options);
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

await buildAdmin(DIST_DIR);
const stack = await startStack({ dialect: "sqlite" }, DIST_DIR);
const browser = await chromium.launch(CHROMIUM_OPTIONS);
try {
  const api = await signedInApi(stack.apiUrl, "admin", DEMO_PASSWORD);
  const draft = await freshFullDraft(api, "示范区卫生健康局", FRESH_YEAR);
  // Appending "0" must change the figure: a column where it is above 0.
  const column = APPLICANT_COLUMNS.find((c) => Number(getCell(draft.document, `${RECEIVED_ROW}.${c}`)) > 0);
  if (!column) throw new Error("the sample report received no applications");
  const cellId = `${RECEIVED_ROW}.${column}`;
  const cookie = await sessionCookie(stack.apiUrl, "wjj.editor");

  const load = await firstLoadScripts(browser, stack.adminUrl, `/reports/${draft.id}`, cookie, cellId);

  const context = await browser.newContext({ ...CONTEXT_OPTIONS, baseURL: stack.adminUrl });
  await context.addCookies([{ ...cookie, url: stack.adminUrl }]);
  const page = await context.newPage();
  await openEditor(page, draft.id);
  const plain = await measureKeystrokes(page, cellId);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const throttled = await measureKeystrokes(page, cellId);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await context.close();
  const [last] = await api.reports.list.query({ orgId: draft.orgId, year: draft.year - 1 });
  const baseline = validationBaseline(draft.document, last ? (await api.reports.get.query({ id: last.id })).document : undefined);

  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);
  const row = (name: string, s: Stats, aim: string) => `${name.padEnd(50)}${ms(s.median)}${ms(s.p95)}   ${aim}`;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  process.stdout.write(
    [
      `Editor, full 2021 report, ${KEYSTROKES} keystrokes each (after ${WARM_UP} to warm up)`,
      `${"".padEnd(50)}${"median".padStart(9)}${"p95".padStart(9)}   aim`,
      row("keystroke → findings in the DOM", plain.dom, "p95 < 16 ms"),
      row("keystroke → next frame (painted)", plain.frame, ""),
      row("keystroke → findings in the DOM, CPU 4× slower", throttled.dom, "p95 < 16 ms"),
      row("keystroke → next frame, CPU 4× slower", throttled.frame, ""),
      row("baseline: validateReport alone (Node)", baseline, ""),
      `first-load JS of /reports/<id>: ${kb(load.gzipped)} gzipped (${kb(load.raw)} raw, ${load.files} scripts)   aim < 250 kB`,
      `  largest: ${load.largest.map((script) => `${script.name} ${kb(script.gzipped)}`).join(", ")}`,
      "",
    ].join("\n"),
  );
} finally {
  await browser.close();
  await stack.stop();
}
