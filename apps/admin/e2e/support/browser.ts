/**
 * What a test file needs: the shared browser, the admin's address, and signing in the way a person
 * does (the sign-in form of the test contract: 用户名, 密码, 登录).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { type ApiClient, signedInApi } from "./api";
import { connectBrowser, newContext } from "./browser-server";

export interface E2E {
  readonly adminUrl: string;
  readonly apiUrl: string;
  readonly password: string;
  /** A new browser context (one person at one PC), closed after the file. */
  context(): Promise<BrowserContext>;
  /** A page in a new context, signed in as `username`. */
  signedInPage(username: string): Promise<Page>;
  /** The API as `username`, from Node (to prepare data and check what was saved). */
  api(username: string): Promise<ApiClient>;
}

/** Call at the top of a test file (or a describe block). `database` picks the SQLite or PostgreSQL stack. */
export function useE2E(database: "sqlite" | "postgres" = "sqlite"): E2E {
  const adminUrl = database === "sqlite" ? inject("adminUrl") : inject("pgAdminUrl");
  const apiUrl = database === "sqlite" ? inject("apiUrl") : inject("pgApiUrl");
  const password = inject("password");
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (adminUrl) browser = await connectBrowser(inject("browserWsEndpoint"));
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  const e2e: E2E = {
    adminUrl,
    apiUrl,
    password,
    async context() {
      if (!browser) throw new Error("no browser: the global setup did not start this stack");
      const context = await newContext(browser, adminUrl);
      contexts.push(context);
      return context;
    },
    async signedInPage(username) {
      const page = await (await e2e.context()).newPage();
      await signIn(page, username, password);
      return page;
    },
    api: (username) => signedInApi(apiUrl, username, password),
  };
  return e2e;
}

/** Sign in through the form and wait until the app has left the sign-in page. */
export async function signIn(page: Page, username: string, password: string, next = "/"): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
