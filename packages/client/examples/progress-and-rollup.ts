/**
 * What a statistics or supervision system does with a viewer token: list a year's progress across
 * its region (who has reported, who is late) and save the region's roll-up as CSV.
 *
 *   NIANBAO_URL=http://127.0.0.1:4000 NIANBAO_TOKEN=nbk_… \
 *     pnpm --filter @nianbao/client example 2024 rollup-2024.csv
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createClient } from "@nianbao/client";

const STATUS: Record<string, string> = { draft: "草稿", submitted: "已提交", reviewed: "已审核", signed: "已签发", published: "已发布" };

/** One CSV line; a field with a comma, quote or line break is quoted. */
const csvLine = (fields: (string | number | null)[]) =>
  fields
    .map((field) => (field === null ? "" : /[",\r\n]/.test(String(field)) ? `"${String(field).replaceAll('"', '""')}"` : String(field)))
    .join(",");

const token = process.env.NIANBAO_TOKEN;
if (!token) {
  process.stderr.write("请设置 NIANBAO_TOKEN（管理员以 tokens.create 创建的 API 令牌）\n");
  process.exit(2);
}
const [yearArgument, outArgument] = process.argv.slice(2);
const year = Number(yearArgument ?? new Date().getFullYear() - 1);
const out = resolve(outArgument ?? `rollup-${year}.csv`);

const nianbao = createClient({ url: process.env.NIANBAO_URL ?? "http://127.0.0.1:4000", token });

const me = await nianbao.auth.me.query();
const progress = await nianbao.stats.progress.query({ year });
process.stdout.write(`${me.org.name} ${year} 年度报告填报进度（${progress.today}）\n`);
for (const row of progress.rows) {
  const status = row.status ? (STATUS[row.status] ?? row.status) : "未建立";
  const late = row.late ? `逾期 ${row.daysLate} 天` : "";
  process.stdout.write(`${row.orgName}\t${status}\t截止 ${row.deadline}\t${late}\n`);
}
const { totals } = progress;
process.stdout.write(`共 ${totals.organisations} 个单位，未建立 ${totals.missing} 个，逾期 ${totals.late} 个\n`);

const rollUp = await nianbao.aggregate.get.query({ year });
const lines = [csvLine(["单元格", "合计", "已填报单位数", "未填写单位数"])];
for (const [cellId, cell] of Object.entries(rollUp.cells)) lines.push(csvLine([cellId, cell.value, cell.reported, cell.missing.length]));
// A byte-order mark, so that Excel and WPS read the file as UTF-8.
await writeFile(out, `\uFEFF${lines.join("\r\n")}\r\n`);
process.stdout.write(
  `汇总已保存：${out}（${lines.length - 1} 个单元格，${rollUp.inputs.length} 个单位参与汇总，${rollUp.missing.length} 个单位未纳入）\n`,
);
