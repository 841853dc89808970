/** nianbao import FILE : the report read from a Word, PDF, HTML, Excel or text file, with findings. */
import type { Lang } from "@nianbao/core";
import { readFileInput } from "../inputs";
import { InputError, type Io } from "../io";

export async function importCommand(file: string, io: Io, lang: Lang): Promise<number> {
  const input = await readFileInput(file, io, lang);
  if (!input.ok) throw new InputError(file, input.error);
  io.stdout.write(`${JSON.stringify({ report: input.value, findings: input.findings }, null, 2)}\n`);
  return 0;
}
