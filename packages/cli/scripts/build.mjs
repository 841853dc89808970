#!/usr/bin/env node
// `pnpm --filter @nianbao/cli build`: the command as plain JavaScript in dist/, which `bin/nianbao.js`
// runs instead of the TypeScript through tsx's loader (whose start-up alone takes longer than reading
// and summing thousands of reports). The workspace's sources are bundled, one chunk per command so a
// command loads only what it uses; npm packages stay outside, each imported from where the package that
// uses it finds it. dist/inputs.json lists the sources, so that the bin notices a bundle gone stale.
import { rmSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(here, "../dist");
const started = Date.now();
rmSync(outdir, { recursive: true, force: true });

/** npm packages are not bundled: each is imported by the absolute path its importer resolves it to. */
const outsidePackages = {
  name: "outside-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith("@nianbao/") || args.path.startsWith("node:") || args.pluginData === "inner") return undefined;
      const found = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: "inner",
      });
      if (found.errors.length) return { errors: found.errors };
      return { path: found.external ? args.path : found.path, external: true };
    });
    // A source that finds files next to itself (migrations, the PDF reader's fonts) keeps its own URL.
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const { readFile } = await import("node:fs/promises");
      const text = await readFile(args.path, "utf8");
      const contents = text.includes("import.meta.url")
        ? text.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
        : text;
      return { contents, loader: "ts" };
    });
  },
};

const result = await build({
  entryPoints: [resolve(here, "../src/bin.ts")],
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outdir,
  metafile: true,
  logLevel: "warning",
  plugins: [outsidePackages],
});

const inputs = Object.keys(result.metafile.inputs).map((file) => relative(outdir, resolve(file)));
writeFileSync(resolve(outdir, "inputs.json"), `${JSON.stringify({ built: started, inputs }, null, 1)}\n`);
process.stdout.write(`nianbao: built ${relative(process.cwd(), outdir) || "."} from ${inputs.length} sources\n`);
