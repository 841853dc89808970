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
