/**
 * nianbao aggregate FILE… : the roll-up of reports of one year as a contract document, with how many
 * inputs fed each cell. Reads one input at a time (a stream of 100,000 reports stays in bounded memory).
 * Every input is checked against the report schema before it is summed (with core's compiled check,
 * not a zod parse, which would cost three times the whole roll-up); a bad one is named with the
 * field or cell at fault, and nothing is printed but the errors.
 */
import { commonFormat, type FormatVersion, getFormat, isReportDocument, type Lang, label, RollUp } from "@nianbao/core";
import { findingsText } from "../findings-text";
import { readInputBatches } from "../inputs";
import type { Io } from "../io";
import { say } from "../messages";
import { notReportText } from "../report-issue";

export interface AggregateArgs {
  files: string[];
  json: boolean;
  year?: number;
  agency?: string;
  lang: Lang;
}

export async function aggregateCommand(args: AggregateArgs, io: Io): Promise<number> {
  const { lang } = args;
  const versions = new Set<FormatVersion>();
  const rollUp = new RollUp({
    lang,
    ...(args.year ? { year: args.year } : {}),
    ...(args.agency ? { agency: { name: args.agency, kind: "government" as const } } : {}),
  });
  let failed = false;
  let index = 0;
  for await (const inputs of readInputBatches(args.files, io, lang)) {
    for (const input of inputs) {
      if (!input.ok || !isReportDocument(input.value)) {
        io.stderr.write(`${input.label}: ${input.ok ? notReportText(input.value, lang) : input.error}\n`);
        failed = true;
        continue;
      }
      rollUp.add(input.value, index++);
      versions.add(input.value.formatVersion);
    }
  }
  if (failed) return 2;
  const result = rollUp.result();
  const cells = Object.fromEntries(Object.entries(result.cells).map(([id, c]) => [id, { value: c.value, reported: c.reported }]));
  if (args.json) {
    const { report, year, formatVersion, inputs, findings } = result;
    io.stdout.write(`${JSON.stringify({ report, year, formatVersion, inputs, cells, findings }, null, 2)}\n`);
  } else {
    io.stdout.write(`${say(lang, "aggregateHeader", { year: result.year, inputs: result.inputs, version: result.formatVersion })}\n`);
    const format = result.formatVersion === "mixed" ? commonFormat([...versions]) : getFormat(result.formatVersion);
    for (const cell of format.cells) {
      const c = result.cells[cell.id];
      if (!c) continue;
      const path = cell.labelPath.map((l) => label(lang, l)).join(" / ");
      io.stdout.write(`  ${path}  ${c.value ?? "—"}  (${say(lang, "reportedOf", { reported: c.reported, inputs: result.inputs })})\n`);
    }
    if (result.findings.length) io.stdout.write(findingsText("", result.findings, lang));
  }
  return result.findings.some((f) => f.severity === "error") ? 1 : 0;
}
