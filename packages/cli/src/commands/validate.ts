/**
 * nianbao validate FILE… : findings for each input; exit 0 without errors, 1 with errors, 2 when an
 * input cannot be read or parsed.
 */
import { hasErrors, type Lang, validateReport, type ValidationMode } from "@nianbao/core";
import { findingsText } from "../findings-text";
import { readFileInput, readInputs } from "../inputs";
import { InputError, type Io, UsageError } from "../io";

export interface ValidateArgs {
  files: string[];
  json: boolean;
  previous?: string;
  mode?: ValidationMode;
  today?: string;
  lang: Lang;
}

export async function validateCommand(args: ValidateArgs, io: Io): Promise<number> {
  const { lang } = args;
  let previous: unknown;
  if (args.previous) {
    const loaded = await readFileInput(args.previous, io, lang);
    if (!loaded.ok) throw new InputError(args.previous, loaded.error);
    previous = loaded.value;
  }
  if (args.mode && args.mode !== "filing" && args.mode !== "import") throw new UsageError(`--mode ${args.mode}`);
  let exit = 0;
  let first = true;
  if (args.json) io.stdout.write("[");
  for await (const input of readInputs(args.files, io, lang)) {
    let entry: object;
    if (!input.ok) {
      io.stderr.write(`${input.label}: ${input.error}\n`);
      exit = 2;
      entry = { file: input.label, error: input.error, findings: [] };
      if (!args.json) continue;
    } else {
      // A report read from a published Word/PDF/web page is historical: blanks are warnings there.
      const mode = args.mode ?? (input.kind === "json" ? "filing" : "import");
      const findings = [
        ...input.findings,
        // An imported file's IMPORT-* findings tell the validator which empty cells were not read.
        ...validateReport(input.value, {
          lang,
          mode,
          importFindings: input.findings,
          ...(previous !== undefined ? { previous } : {}),
          ...(args.today ? { today: args.today } : {}),
        }),
      ];
      if (hasErrors(findings) && exit === 0) exit = 1;
      entry = { file: input.label, findings };
      if (!args.json) {
        io.stdout.write(findingsText(input.label, findings, lang));
        continue;
      }
    }
    io.stdout.write(`${first ? "\n" : ",\n"}${JSON.stringify(entry)}`);
    first = false;
  }
  if (args.json) io.stdout.write(first ? "]\n" : "\n]\n");
  return exit;
}
