/**
 * The command line's own words, zh-CN by default and English with `--lang en`. The short messages are
 * data (`messages.json`); the help text stays here, where its layout can be read as printed.
 */
import { fill, type Lang } from "@nianbao/core";
import catalogue from "./messages.json";

const USAGE = {
  zh: `用法：nianbao <命令> [选项]

命令：
  validate FILE… [--json] [--previous FILE] [--lang en] [--mode filing|import] [--today YYYY-MM-DD]
      校验年度报告（JSON，或 Word/PDF/HTML/Excel/文本文件）。无错误时退出码 0，有错误时 1，文件无法读取或解析时 2。
  aggregate FILE… [--json] [--year N] [--agency 名称] [--lang en]
      汇总同一年度的多份报告（如全区各部门），输出汇总报告及每个单元格的填报单位数。
  import FILE [--lang en]
      从 Word、PDF、HTML、Excel 或文本文件导入报告，输出 { "report": …, "findings": […] }。
  import --check-corpus DIR
      导入语料目录中每份复现的报告（旁有 <名称>.expected.json），按文件、按情形和总计输出读对/读错/留空的单元格数；有读错时退出码 1。
  export FILE --to docx|html|xlsx|md|csv|json -o OUT [--lang en]
      按官方格式导出报告（"-o -" 输出到标准输出，仅限文本格式）。
  draft FILE
      由本年度报告生成下一年度草稿（上年结转取自本年结转下年度继续办理）。
  db backup FILE [--database 路径] [--force]
      在线备份 SQLite 数据库（服务运行时也可，写入照常进行），备份经完整性检查后才写到 FILE。
  db restore FILE [--database 路径] [--force]
      用备份 FILE 恢复数据库；数据库正被使用（服务未停止）时拒绝，--force 强制。
      数据库取 --database，其次 DATABASE_URL，默认 ./data/nianbao.sqlite；PostgreSQL 请用 pg_dump / pg_restore。
  db synth-nation --database URL [--counties 2800] [--year 2024] [--seed 1]
      在空数据库中生成一个合成的全国（省、市、县、部门，约 150,000 份本年度报告处于各流程状态，另有上年度报告），用于规模测试。

FILE 为 "-" 时从标准输入读取，每行一份 JSON 报告（NDJSON）。`,
  en: `Usage: nianbao <command> [options]

Commands:
  validate FILE… [--json] [--previous FILE] [--lang en] [--mode filing|import] [--today YYYY-MM-DD]
      Check annual reports (JSON, or Word/PDF/HTML/Excel/text files). Exit 0 with no error, 1 with errors, 2 when a file cannot be read or parsed.
  aggregate FILE… [--json] [--year N] [--agency NAME] [--lang en]
      Roll up reports of one year (e.g. a district's departments); prints the roll-up and how many inputs fed each cell.
  import FILE [--lang en]
      Read a report from Word, PDF, HTML, Excel or text; prints { "report": …, "findings": […] }.
  import --check-corpus DIR
      Import every reproduced report of a corpus directory (each with a <name>.expected.json) and print cells right / wrong / empty per file, per shape and overall; exit 1 when any is wrong.
  export FILE --to docx|html|xlsx|md|csv|json -o OUT [--lang en]
      Write a report in the official layout ("-o -" writes text formats to standard output).
  draft FILE
      Next year's draft from this year's report (carried-over figures from this year's carried-forward).
  db backup FILE [--database PATH] [--force]
      Back up the SQLite database online (the server may run and keep writing); FILE is written only after an integrity check.
  db restore FILE [--database PATH] [--force]
      Restore the database from the backup FILE; refused while the database is in use (server running) unless --force.
      The database is --database, else DATABASE_URL, else ./data/nianbao.sqlite; for PostgreSQL use pg_dump / pg_restore.
  db synth-nation --database URL [--counties 2800] [--year 2024] [--seed 1]
      Fill an empty database with a synthetic nation (provinces, cities, counties, departments; about 150,000 reports of the year in every workflow state, plus last year's) for measuring at scale.

FILE "-" reads newline-delimited JSON reports from standard input.`,
};

export const MESSAGES = { usage: USAGE, ...catalogue } satisfies Record<string, { zh: string; en: string }>;

export type CliMessage = keyof typeof MESSAGES;

export function say(lang: Lang, key: CliMessage, params?: Record<string, string | number>): string {
  return fill(MESSAGES[key][lang], params);
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
