/** nianbao draft FILE : next year's draft, carried-over figures filled from this year's report. */
import { draftNextYear, type Lang, reportDocumentSchema } from "@nianbao/core";
import { readFileInput } from "../inputs";
import { InputError, type Io } from "../io";
import { say } from "../messages";

export async function draftCommand(file: string, io: Io, lang: Lang): Promise<number> {
  const input = await readFileInput(file, io, lang);
  if (!input.ok) throw new InputError(file, input.error);
  const parsed = reportDocumentSchema.safeParse(input.value);
  if (!parsed.success) throw new InputError(file, say(lang, "notReport"));
  io.stdout.write(`${JSON.stringify(draftNextYear(parsed.data), null, 2)}\n`);
  return 0;
}
