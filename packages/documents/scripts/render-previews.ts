/**
 * Regenerates the pictures of the exports in docs/exports/ (run by hand from the root:
 * `pnpm exec tsx packages/documents/scripts/render-previews.ts`). Needs LibreOffice (Writer and
 * Calc), Chromium, poppler-utils and fonts-noto-cjk; see scripts/preview.ts for how fonts are mapped.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sampleReport } from "@nianbao/core/testing";
import type { ReportDocument } from "@nianbao/core";
import { exportDocx, exportHtml, exportXlsx } from "../src/export/index";
import { hasCommand, htmlToPdf, officeToPdf, pageToPng, pageWith, previewFontConfig } from "./preview";

const OUT = fileURLToPath(new URL("../../../docs/exports/", import.meta.url));

/** A district bureau's 2021 report as such reports read, with second-level headings in 一. */
function demoReport(): ReportDocument {
  const doc = sampleReport({ seed: 7, year: 2021, agencyName: "台儿庄区科技局", scale: 12 });
  return {
    ...doc,
    publishedAt: "2022-01-28",
    sections: {
      overview: [
        "2021年，台儿庄区科技局以《中华人民共和国政府信息公开条例》为依据，围绕科技创新重点工作，推进主动公开、规范依申请公开，政府信息公开工作有序开展。本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。",
        "（一）主动公开情况。全年通过区政府门户网站主动公开政府信息126条，其中政策文件12条、工作动态85条、项目信息29条。",
        "（二）依申请公开情况。全年收到政府信息公开申请5件，均在法定期限内答复。",
        "（三）政府信息管理。严格落实公开前保密审查，动态更新政府信息公开指南和目录。",
      ].join("\n"),
      problems:
        "一是公开内容的深度有待加强，政策解读形式较为单一；二是公开工作人员业务能力有待提高。下一步，我局将细化公开目录，丰富图解、视频等解读形式，加强业务培训。",
      other: "本年度未收取信息处理费。无其他需要报告的事项。",
    },
  };
}

async function main(): Promise<void> {
  for (const command of ["libreoffice", "pdftoppm", "pdftotext", "pdfinfo"]) {
    if (!hasCommand(command)) throw new Error(`${command} is not installed`);
  }
  const work = mkdtempSync(join(tmpdir(), "nianbao-previews-"));
  const env = { ...process.env, FONTCONFIG_FILE: previewFontConfig(work) };
  mkdirSync(OUT, { recursive: true });
  const doc = demoReport();
  const written: string[] = [];
  try {
    const docx = join(work, "report.docx");
    writeFileSync(docx, await exportDocx(doc));
    const docxPdf = officeToPdf(docx, work, env);
    written.push(pageToPng(docxPdf, 1, join(OUT, "docx-page-1.png")));
    written.push(pageToPng(docxPdf, pageWith(docxPdf, "申请人情况"), join(OUT, "docx-applications.png")));

    const html = join(work, "report.html");
    writeFileSync(html, await exportHtml(doc));
    const htmlPdf = await htmlToPdf(html, join(work, "report-html.pdf"), env);
    written.push(pageToPng(htmlPdf, 1, join(OUT, "html-page-1.png")));

    const xlsx = join(work, "report.xlsx");
    writeFileSync(xlsx, await exportXlsx(doc));
    const xlsxPdf = officeToPdf(xlsx, work, env);
    written.push(pageToPng(xlsxPdf, pageWith(xlsxPdf, "申请人情况"), join(OUT, "xlsx-applications.png")));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const file of written) process.stdout.write(`${file}  ${(statSync(file).size / 1024).toFixed(0)} KiB\n`);
}

await main();
