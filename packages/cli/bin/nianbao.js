#!/usr/bin/env node
// The installed `nianbao` command. It runs the JavaScript bundle that `pnpm build` writes to dist/
// (it starts several times faster: no TypeScript to compile first) while no source it was built from
// has changed since; otherwise, or with no bundle, the TypeScript entry point through tsx's loader.
import { readFileSync, statSync } from "node:fs";
import { URL } from "node:url";

const dist = new URL("../dist/", import.meta.url);

function bundleIsFresh() {
  try {
    const { built, inputs } = JSON.parse(readFileSync(new URL("inputs.json", dist), "utf8"));
    return inputs.every((file) => statSync(new URL(file, dist)).mtimeMs < built);
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  await import("../dist/bin.js");
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/bin.ts");
}
