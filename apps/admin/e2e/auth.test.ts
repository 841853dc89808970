/**
 * Signing in through the form: a wrong password is refused in Chinese and leaves the visitor on the
 * sign-in page; the right one opens the app as that person, and the session survives a reload.
 */
import { expect, it } from "vitest";
import { signIn, useE2E } from "./support/browser";

const e2e = useE2E();

it("refuses a wrong password with a Chinese message and stays on the sign-in page", async () => {
  const page = await (await e2e.context()).newPage();
  await page.goto("/login");
  await page.getByLabel("用户名").fill("kjj.viewer");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  // Next adds an empty live region with the same role (its route announcer): take the one with text.
  const alert = page.getByRole("alert").filter({ hasText: /\S/u });
  await alert.waitFor();
  const text = (await alert.textContent()) ?? "";
  expect(text).toMatch(/[\u4e00-\u9fff]/u);
  expect(text).toContain("密码");
  expect(text).not.toMatch(/Error|at \w+ \(|TRPC/u);
  expect(new URL(page.url()).pathname).toBe("/login");
});

it("signs in with the right password, shows who is signed in, and keeps the session on reload", async () => {
  const page = await (await e2e.context()).newPage();
  await signIn(page, "kjj.editor", e2e.password);
  expect(new URL(page.url()).pathname).toBe("/");
  await page.getByText("示范区科学技术局").first().waitFor();
  await page.reload();
  await page.getByText("示范区科学技术局").first().waitFor();
  expect(new URL(page.url()).pathname).toBe("/");
});

it("sends a signed-out visitor to the sign-in page and back where they were going after signing in", async () => {
  const page = await (await e2e.context()).newPage();
  await page.goto("/board");
  await page.waitForURL((url) => url.pathname === "/login");
  expect(new URL(page.url()).searchParams.get("next")).toBe("/board");
  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill(e2e.password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => url.pathname === "/board");
});
