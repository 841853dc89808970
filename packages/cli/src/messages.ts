/** The command line's own words, zh-CN by default and English with `--lang en`. */
import { fill, type Lang } from "@nianbao/core";

const MESSAGES = {
  usage: {
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
  },
  unknownCommand: { zh: "未知命令“{command}”，运行 nianbao --help 查看用法", en: "Unknown command “{command}”; see nianbao --help" },
  noFiles: { zh: "请给出至少一个文件（或 - 表示标准输入）", en: "Give at least one file (or - for standard input)" },
  oneFile: { zh: "此命令只接受一个文件", en: "This command takes exactly one file" },
  badOption: { zh: "选项错误：{detail}", en: "Bad option: {detail}" },
  cannotRead: { zh: "无法读取：{reason}", en: "cannot be read: {reason}" },
  notFound: { zh: "文件不存在", en: "no such file" },
  isDirectory: { zh: "这是一个目录", en: "it is a directory" },
  notDirectory: { zh: "不是目录", en: "not a directory" },
  tooLarge: { zh: "文件过大（{size}，上限 {limit}）", en: "too large ({size}; the limit is {limit})" },
  badJson: { zh: "不是有效的 JSON：{reason}", en: "not valid JSON: {reason}" },
  notReport: { zh: "不是年度报告文档（缺少 formatVersion/year/tables）", en: "not a report document (no formatVersion/year/tables)" },
  badReport: { zh: "不符合报告格式：{field} {problem}", en: "not a valid report: {field} {problem}" },
  badCell: { zh: "单元格 {id}（{label}）", en: "cell {id} ({label})" },
  cellMissing: { zh: "缺失", en: "is missing" },
  cellCount: { zh: "须为非负整数或 null", en: "must be a non-negative integer or null" },
  cellSignedCount: { zh: "须为整数或 null", en: "must be an integer or null" },
  cellMoney: { zh: '须为非负十进制数字字符串（如 "12.5"）或 null', en: 'must be a non-negative decimal string (such as "12.5") or null' },
  valueGiven: { zh: "，实为 {value}", en: ", not {value}" },
  fieldMissing: { zh: "缺失", en: "is missing" },
  fieldType: { zh: "类型错误，须为{expected}", en: "must be {expected}" },
  fieldKeys: { zh: "含格式未定义的字段 {keys}", en: "holds keys the format does not define: {keys}" },
  fieldOneOf: { zh: "须为 {values} 之一", en: "must be one of {values}" },
  fieldRange: { zh: "超出允许的范围", en: "is out of the allowed range" },
  fieldDate: { zh: "须为 YYYY-MM-DD 格式的有效日期", en: "must be a valid YYYY-MM-DD date" },
  fieldInvalid: { zh: "无效", en: "is not valid" },
  noFindings: { zh: "未发现问题", en: "no findings" },
  summary: { zh: "{errors} 个错误，{warnings} 个警告，{infos} 条提示", en: "{errors} errors, {warnings} warnings, {infos} notes" },
  cells: { zh: "单元格", en: "cells" },
  severity_error: { zh: "错误", en: "error" },
  severity_warning: { zh: "警告", en: "warning" },
  severity_info: { zh: "提示", en: "note" },
  toRequired: { zh: "请用 --to 指定导出格式：{formats}", en: "Say the format with --to: {formats}" },
  outRequired: { zh: "请用 -o 指定输出文件（-o - 输出到标准输出）", en: "Say where to write with -o (-o - for standard output)" },
  binaryToStdout: { zh: "{format} 是二进制格式，不能输出到终端，请用 -o 指定文件", en: "{format} is binary; write it to a file with -o" },
  written: { zh: "已写入 {file}（{size}）", en: "wrote {file} ({size})" },
  aggregateHeader: {
    zh: "{year}年度汇总：{inputs} 份报告，格式 {version}",
    en: "Roll-up of {year}: {inputs} reports, format {version}",
  },
  reportedOf: { zh: "{reported}/{inputs} 份填报", en: "{reported} of {inputs} reported" },
  dbUsage: {
    zh: "用法：nianbao db backup|restore FILE [--database 路径] [--force]，或 nianbao db synth-nation --database URL [--counties N] [--year N] [--seed N]",
    en: "Usage: nianbao db backup|restore FILE [--database PATH] [--force], or nianbao db synth-nation --database URL [--counties N] [--year N] [--seed N]",
  },
  synthProgress: {
    zh: "已生成 {provinces} 个省，{reports} 份计入汇总的报告",
    en: "{provinces} provinces done, {reports} reports counting in roll-ups",
  },
  synthDone: {
    zh: "已生成：{organisations} 个单位，{reports} 份计入汇总的报告（{year} 年及上年），用时 {seconds} 秒；全国节点 {root}",
    en: "Done: {organisations} organisations, {reports} reports counting in roll-ups ({year} and the year before) in {seconds} s; nation root {root}",
  },
  dbPostgres: {
    zh: "数据库是 PostgreSQL：请用 pg_dump 备份（pg_dump -Fc -f FILE URL）、pg_restore 恢复（pg_restore --clean --if-exists --no-owner -d URL FILE），见 docs/RELIABILITY.md",
    en: "The database is PostgreSQL: back it up with pg_dump (pg_dump -Fc -f FILE URL) and restore with pg_restore (pg_restore --clean --if-exists --no-owner -d URL FILE); see docs/RELIABILITY.md",
  },
  dbMissing: { zh: "数据库 {file} 不存在", en: "The database {file} does not exist" },
  dbExists: { zh: "{file} 已存在；加 --force 覆盖", en: "{file} exists; add --force to overwrite it" },
  dbNotDatabase: { zh: "{file} 不是 SQLite 数据库或已损坏：{detail}", en: "{file} is not a SQLite database or is damaged: {detail}" },
  dbNotNianbao: { zh: "{file} 不是 nianbao 的数据库（没有迁移记录）", en: "{file} is not a nianbao database (no migrations recorded)" },
  dbIntegrity: { zh: "{file} 完整性检查未通过：{detail}", en: "{file} failed the integrity check: {detail}" },
  dbInUse: {
    zh: "数据库 {file} 正被使用（服务是否仍在运行？）；请先停止服务，或加 --force 在线覆盖",
    en: "The database {file} is in use (is the server still running?); stop it first, or add --force to overwrite it online",
  },
  dbBackedUp: {
    zh: "已备份 {database} → {file}（{size}，{pages} 页，{reports} 份报告，{revisions} 个修订版，完整性检查通过）",
    en: "Backed up {database} → {file} ({size}, {pages} pages, {reports} reports, {revisions} revisions, integrity check ok)",
  },
  dbRestored: {
    zh: "已从 {file} 恢复 {database}（{pages} 页，{reports} 份报告，{revisions} 个修订版，完整性检查通过）",
    en: "Restored {database} from {file} ({pages} pages, {reports} reports, {revisions} revisions, integrity check ok)",
  },
  stdinLine: { zh: "标准输入第 {line} 行", en: "standard input line {line}" },
} as const;

export type CliMessage = keyof typeof MESSAGES;

export function say(lang: Lang, key: CliMessage, params?: Record<string, string | number>): string {
  return fill(MESSAGES[key][lang], params);
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
