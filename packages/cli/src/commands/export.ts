/** nianbao export FILE --to FORMAT -o OUT : the report written in the official layout. */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type Lang, reportDocumentSchema } from "@nianbao/core";
import { EXPORT_FORMATS, type ExportFormat, exportReport } from "@nianbao/documents";
import { readFileInput } from "../inputs";
import { InputError, type Io, UsageError } from "../io";
import { humanSize, say } from "../messages";

const TEXT_FORMATS: readonly string[] = ["html", "md", "csv", "json"];

export interface ExportArgs {
  file: string;
  to?: string;
  out?: string;
  lang: Lang;
}

export async function exportCommand(args: ExportArgs, io: Io): Promise<number> {
  const { lang } = args;
  if (!args.to || !(EXPORT_FORMATS as readonly string[]).includes(args.to)) {
    throw new UsageError(say(lang, "toRequired", { formats: EXPORT_FORMATS.join("|") }));
  }
  if (!args.out) throw new UsageError(say(lang, "outRequired"));
  if (args.out === "-" && !TEXT_FORMATS.includes(args.to)) throw new UsageError(say(lang, "binaryToStdout", { format: args.to }));
  const input = await readFileInput(args.file, io, lang);
  if (!input.ok) throw new InputError(args.file, input.error);
  const parsed = reportDocumentSchema.safeParse(input.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(args.file, `${say(lang, "notReport")}: ${issue.path.join(".")} ${issue.message}`);
  }
  const result = await exportReport(parsed.data, args.to as ExportFormat, { lang });
  if (args.out === "-") io.stdout.write(result.data);
  else {
    await writeFile(resolve(io.cwd, args.out), result.data);
    io.stderr.write(`${say(lang, "written", { file: args.out, size: humanSize(result.data.byteLength) })}\n`);
  }
  return 0;
}
