/**
 * Rendering exports the way a person sees them: Word and Excel through LibreOffice, HTML through
 * headless Chromium, PDF pages to PNG with poppler. Used by scripts/render-previews.ts and by the
 * rendering test; Node only, never part of the library.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function hasCommand(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

/**
 * The faces a report names (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体, 宋体) are not installed on a
 * Linux build machine, and fontconfig would fall back to a Latin face and then to any CJK face glyph by
 * glyph. This fontconfig file maps each name to the nearest installed Noto CJK face (serif for 仿宋,
 * 楷体 and 宋体, bold serif for 小标宋, sans for 黑体), so the preview shows the document's intent. The files
 * themselves still only name the fonts; nothing is embedded or substituted in them.
 */
export function previewFontConfig(dir: string): string {
  return writeFontConfig(join(dir, "fonts.conf"), [
    `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>`,
    fontAlias("仿宋_GB2312", "Noto Serif CJK SC"),
    fontAlias("楷体_GB2312", "Noto Serif CJK SC"),
    fontAlias("宋体", "Noto Serif CJK SC"),
    // 小标宋 is a heavy Song face: the bold Noto serif is the nearest.
    `  <match target="pattern"><test name="family"><string>方正小标宋简体</string></test>` +
      `<edit name="family" mode="assign" binding="same"><string>Noto Serif CJK SC</string></edit>` +
      `<edit name="weight" mode="assign"><const>bold</const></edit></match>`,
    fontAlias("黑体", "Noto Sans CJK SC"),
  ]);
}

/** A fontconfig rule: where a document names `family`, use `prefer`. */
export function fontAlias(family: string, prefer: string): string {
  return `  <alias binding="same"><family>${family}</family><prefer><family>${prefer}</family></prefer></alias>`;
}

/** Writes a fontconfig file of these rules to `path`, and gives the path (for FONTCONFIG_FILE). */
export function writeFontConfig(path: string, rules: readonly string[]): string {
  writeFileSync(
    path,
    [`<?xml version="1.0"?>`, `<!DOCTYPE fontconfig SYSTEM "fonts.dtd">`, `<fontconfig>`, ...rules, `</fontconfig>`].join("\n"),
  );
  return path;
}

/** Office file → PDF with LibreOffice, in its own profile so it never collides with another instance. */
export function officeToPdf(file: string, outDir: string, env: NodeJS.ProcessEnv = process.env): string {
  mkdirSync(outDir, { recursive: true });
  const profile = `file://${join(outDir, ".lo-profile")}`;
  execFileSync("libreoffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, file], {
    env,
    stdio: "ignore",
    timeout: 120_000,
  });
  const pdf = join(outDir, file.replace(/^.*\//, "").replace(/\.[^.]+$/, ".pdf"));
  readFileSync(pdf); // throws with the path when LibreOffice produced nothing
  return pdf;
}

/** HTML file → A4 PDF with headless Chromium, honouring the page's own @page rules. */
export async function htmlToPdf(file: string, pdf: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, env: env as Record<string, string> });
  try {
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    await page.pdf({ path: pdf, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
  return pdf;
}

export function pdfInfo(pdf: string): string {
  return execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
}

export function pdfPageCount(pdf: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(pdfInfo(pdf))?.[1] ?? 0);
}

export function pdfText(pdf: string, page?: number): string {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return execFileSync("pdftotext", [...range, "-layout", pdf, "-"], { encoding: "utf8" });
}

/** The first page whose text contains `needle`. */
export function pageWith(pdf: string, needle: string): number {
  for (let page = 1; page <= pdfPageCount(pdf); page++) if (pdfText(pdf, page).includes(needle)) return page;
  throw new Error(`no page of ${pdf} contains ${needle}`);
}

/** One page as a small PNG (60 dpi keeps a page of text legible at well under 200 KB). */
export function pageToPng(pdf: string, page: number, png: string, dpi = 60): string {
  const base = png.replace(/\.png$/, "");
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, base]);
  return png;
}
