/**
 * nianbao import --check-corpus DIR : imports every reproduced report of a corpus directory (a file
 * with a `<name>.expected.json` beside it) and prints cells right / wrong / empty, per file, per shape
 * and overall. Exit 1 when any cell is wrong, 0 otherwise.
 */
import path from "node:path";
import type { Lang } from "@nianbao/core";
import { checkCorpusDir, formatCorpusFigures } from "@nianbao/documents/import";
import { InputError, type Io } from "../io";
import { say } from "../messages";

export async function checkCorpusCommand(dir: string, io: Io, lang: Lang): Promise<number> {
  const full = path.resolve(io.cwd, dir);
  let files;
  try {
    files = await checkCorpusDir(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? say(lang, "notFound") : code === "ENOTDIR" ? say(lang, "notDirectory") : (error as Error).message;
    throw new InputError(dir, say(lang, "cannotRead", { reason }));
  }
  io.stdout.write(`${formatCorpusFigures(files)}\n`);
  return files.some((f) => f.score.wrong.length > 0) ? 1 : 0;
}
