/** Entry point: `pnpm nianbao …` from the repository root, or the package's `nianbao` binary. */
import { run } from "./main";

// Under `pnpm nianbao`, the working directory is the repository root; INIT_CWD is where the user is.
const cwd = process.env.INIT_CWD ?? process.cwd();

// A closed pipe (`nianbao validate … | head`) ends the output quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
});

const code = await run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd });
process.exitCode = code;
