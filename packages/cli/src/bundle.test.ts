import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sampleReport } from "@nianbao/core/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, REPO, tempDir, writeJson } from "./test-support/cli";

const BIN = join(REPO, "packages/cli/bin/nianbao.js");

function bin(argv: string[], options: { stdin?: string; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: options.cwd ?? REPO, input: options.stdin ?? "", encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the bundled command (pnpm build)", () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, [join(REPO, "packages/cli/scripts/build.mjs")], { cwd: REPO, encoding: "utf8" });
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
  }, 60_000);

  it("lists the sources it was built from, so that the bin can tell when it is stale", () => {
    const { built, inputs } = JSON.parse(readFileSync(join(REPO, "packages/cli/dist/inputs.json"), "utf8")) as {
      built: number;
      inputs: string[];
    };
    expect(built).toBeLessThanOrEqual(Date.now());
    expect(inputs).toContain("../src/bin.ts");
    expect(inputs).toContain("../../core/src/aggregate/aggregate.ts");
    for (const file of inputs) expect(existsSync(join(REPO, "packages/cli/dist", file))).toBe(true);
  });

  it("rolls up standard input as the sources do, and names a bad line the same way", async () => {
    const docs = Array.from({ length: 30 }, (_, i) => JSON.stringify(sampleReport({ seed: i + 1, year: 2023 })));
    const stdin = `${docs.join("\n")}\n`;
    const fromBundle = bin(["aggregate", "-", "--json"], { stdin });
    const fromSources = await cli(["aggregate", "-", "--json"], { stdin });
    expect(fromBundle.code).toBe(fromSources.code);
    expect(JSON.parse(fromBundle.stdout)).toEqual(JSON.parse(fromSources.stdout));
    const bad = `${docs[0]}\n${docs[1]!.replace('"natural":', '"natural":"1",  "x":')}\n`;
    const refused = bin(["aggregate", "-"], { stdin: bad });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe((await cli(["aggregate", "-"], { stdin: bad })).stderr);
  });

  it("loads the packages a command needs from the bundle: the Word exporter", () => {
    const dir = tempDir();
    writeJson(dir, "r.json", sampleReport({ seed: 4, year: 2024 }));
    const r = bin(["export", join(dir, "r.json"), "--to", "docx", "-o", join(dir, "r.docx")]);
    expect(r.stderr).toMatch(/^已写入 .*r\.docx/);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "r.docx")).subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
