/**
 * Debian's Chromium, driven by playwright-core (no browser is ever downloaded). The global setup
 * launches one browser server; each test file connects to it and opens its own contexts.
 */
import { type Browser, type BrowserContext, type BrowserServer, chromium, type LaunchOptions } from "playwright-core";

export const CHROMIUM_OPTIONS: LaunchOptions = {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
  ],
};

/** An office PC: 1366×768, Chinese. */
export const CONTEXT_OPTIONS = {
  viewport: { width: 1366, height: 768 },
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
} as const;

export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(CHROMIUM_OPTIONS);
}

export function connectBrowser(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}

/** A fresh context (its own cookies and storage: one person at one PC). */
export function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ ...CONTEXT_OPTIONS, baseURL });
}
