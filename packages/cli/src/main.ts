/**
 * The `nianbao` command: parses the arguments, runs a command, and turns every failure into an exit
 * code and one line on stderr. Set NIANBAO_DEBUG=1 to see stack traces of unexpected errors.
 *
 * Each command's module is loaded only when that command runs: the importers and exporters pull in
 * Excel, Word, PDF and database libraries that take longer to load than `aggregate` takes to sum
 * thousands of reports.
 */
import { parseArgs } from "node:util";
import { isLang, type Lang } from "@nianbao/core";
import { InputError, type Io, UsageError } from "./io";
import { say } from "./messages";

const OPTIONS = {
  json: { type: "boolean" },
  previous: { type: "string" },
  lang: { type: "string" },
  mode: { type: "string" },
  today: { type: "string" },
  year: { type: "string" },
  agency: { type: "string" },
  to: { type: "string" },
  out: { type: "string", short: "o" },
  help: { type: "boolean", short: "h" },
  "check-corpus": { type: "string" },
  database: { type: "string" },
  force: { type: "boolean" },
  counties: { type: "string" },
  seed: { type: "string" },
} as const;

function langOf(argv: readonly string[]): Lang {
  const i = argv.indexOf("--lang");
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  return isLang(value) ? value : "zh";
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const lang = langOf(argv);
  try {
    const [command, ...rest] = argv;
    if (!command || command === "--help" || command === "-h" || command === "help") {
      io.stdout.write(`${say(lang, "usage")}\n`);
      return command ? 0 : 2;
    }
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(say(lang, "badOption", { detail: (error as Error).message }));
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout.write(`${say(lang, "usage")}\n`);
      return 0;
    }
    if (values.lang !== undefined && !isLang(values.lang))
      throw new UsageError(say(lang, "badOption", { detail: `--lang ${values.lang}` }));
    const needFiles = () => {
      if (positionals.length === 0) throw new UsageError(say(lang, "noFiles"));
    };
    const oneFile = () => {
      if (positionals.length !== 1) throw new UsageError(say(lang, "oneFile"));
      return positionals[0]!;
    };
    switch (command) {
      case "validate": {
        needFiles();
        const { validateCommand } = await import("./commands/validate");
        return await validateCommand(
          {
            files: positionals,
            json: values.json === true,
            lang,
            ...(values.previous ? { previous: values.previous } : {}),
            ...(values.mode ? { mode: values.mode as "filing" | "import" } : {}),
            ...(values.today ? { today: values.today } : {}),
          },
          io,
        );
      }
      case "aggregate": {
        needFiles();
        const year = values.year === undefined ? undefined : Number(values.year);
        if (year !== undefined && !Number.isInteger(year))
          throw new UsageError(say(lang, "badOption", { detail: `--year ${values.year}` }));
        const { aggregateCommand } = await import("./commands/aggregate");
        return await aggregateCommand(
          {
            files: positionals,
            json: values.json === true,
            lang,
            ...(year ? { year } : {}),
            ...(values.agency ? { agency: values.agency } : {}),
          },
          io,
        );
      }
      case "import": {
        if (values["check-corpus"] !== undefined) {
          if (positionals.length) throw new UsageError(say(lang, "badOption", { detail: "--check-corpus DIR" }));
          const { checkCorpusCommand } = await import("./commands/check-corpus");
          return await checkCorpusCommand(values["check-corpus"], io, lang);
        }
        const { importCommand } = await import("./commands/import");
        return await importCommand(oneFile(), io, lang);
      }
      case "export": {
        const { exportCommand } = await import("./commands/export");
        return await exportCommand(
          { file: oneFile(), lang, ...(values.to ? { to: values.to } : {}), ...(values.out ? { out: values.out } : {}) },
          io,
        );
      }
      case "draft": {
        const { draftCommand } = await import("./commands/draft");
        return await draftCommand(oneFile(), io, lang);
      }
      case "db": {
        const [action, file, ...extra] = positionals;
        if (action === "synth-nation") {
          const number = (name: "counties" | "seed" | "year", fallback: number) => {
            const value = values[name] === undefined ? fallback : Number(values[name]);
            if (!Number.isInteger(value) || value < 1)
              throw new UsageError(say(lang, "badOption", { detail: `--${name} ${values[name]}` }));
            return value;
          };
          const url = values.database ?? (io.env ?? process.env).DATABASE_URL;
          if (!url || file) throw new UsageError(say(lang, "dbUsage"));
          const { synthNationCommand } = await import("./commands/synth-nation");
          return await synthNationCommand(
            { url, counties: number("counties", 2800), year: number("year", 2024), seed: number("seed", 1), lang },
            io,
          );
        }
        if ((action !== "backup" && action !== "restore") || !file || extra.length) throw new UsageError(say(lang, "dbUsage"));
        const { dbCommand } = await import("./commands/db");
        return await dbCommand(
          { action, file, force: values.force === true, lang, ...(values.database ? { database: values.database } : {}) },
          io,
        );
      }
      default:
        throw new UsageError(say(lang, "unknownCommand", { command }));
    }
  } catch (error) {
    if (error instanceof InputError) io.stderr.write(`${error.file}: ${error.message}\n`);
    else if (error instanceof UsageError) io.stderr.write(`nianbao: ${error.message}\n`);
    else {
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      io.stderr.write(`nianbao: ${lang === "zh" ? "内部错误" : "internal error"}: ${message}\n`);
      if (process.env.NIANBAO_DEBUG) io.stderr.write(`${(error as Error).stack}\n`);
    }
    return 2;
  }
}
