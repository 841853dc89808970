import { type Finding } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, cliProcess, tempDir, writeJson } from "../test-support/cli";

const valid = () => sampleReport({ seed: 21, year: 2022, agencyName: "示例区科技局" });
function unbalanced() {
  const doc = valid();
  doc.tables.applications.newReceived.natural! += 1;
  doc.tables.applications.newReceived.total! += 1;
  return doc;
}

describe("nianbao validate", () => {
  it("exits 0 on a valid report and says there is nothing to report", async () => {
    const dir = tempDir();
    writeJson(dir, "ok.json", valid());
    const r = await cli(["validate", "ok.json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ok.json");
  });

  it("exits 1 on a report with an error and names the rule and every cell", async () => {
    const dir = tempDir();
    writeJson(dir, "bad.json", unbalanced());
    const r = await cli(["validate", "bad.json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/T3-BAL\s+自然人列：本年新收/);
    expect(r.stdout).toContain("applications.carriedForward.natural");
  });

  it("--json prints one { file, findings } per input, findings in the contract's shape", async () => {
    const dir = tempDir();
    writeJson(dir, "a.json", valid());
    writeJson(dir, "b.json", unbalanced());
    const r = await cli(["validate", "a.json", "b.json", "--json"], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { file: string; findings: Finding[] }[];
    expect(out.map((e) => e.file)).toEqual(["a.json", "b.json"]);
    expect(out[0]!.findings.filter((f) => f.severity === "error")).toEqual([]);
    const bal = out[1]!.findings.filter((f) => f.ruleId === "T3-BAL");
    expect(bal.map((f) => f.cells[0])).toEqual(["applications.newReceived.natural", "applications.newReceived.total"]);
    expect(bal[0]).toMatchObject({ severity: "error", outcome: "failed" });
    expect(typeof bal[0]!.expected).toBe("number");
  });

  it("--lang en gives English messages", async () => {
    const dir = tempDir();
    writeJson(dir, "bad.json", unbalanced());
    const r = await cli(["validate", "bad.json", "--lang", "en"], { cwd: dir });
    expect(r.stdout).toContain("column “Natural persons”: new this year");
  });

  it("--previous checks last year's carried-forward figures (T3-CARRY)", async () => {
    const dir = tempDir();
    const previous = sampleReport({ seed: 5, year: 2021, agencyName: "示例区科技局" });
    writeJson(dir, "2021.json", previous);
    writeJson(dir, "2022.json", valid());
    const r = await cli(["validate", "2022.json", "--previous", "2021.json", "--json"], { cwd: dir });
    const [entry] = JSON.parse(r.stdout) as { findings: Finding[] }[];
    const carry = entry!.findings.filter((f) => f.ruleId === "T3-CARRY" && f.outcome === "failed");
    expect(carry.length).toBeGreaterThan(0);
    expect(carry.every((f) => f.severity === "warning" && f.cells[0]!.startsWith("applications.carriedOver."))).toBe(true);
  });

  it("reads newline-delimited reports from standard input with -", async () => {
    const lines = [valid(), unbalanced(), valid()].map((d) => JSON.stringify(d)).join("\n");
    const r = await cli(["validate", "-", "--json"], { stdin: `${lines}\n\n` });
    const out = JSON.parse(r.stdout) as { file: string; findings: Finding[] }[];
    expect(out.map((e) => e.file)).toEqual(["-:1", "-:2", "-:3"]);
    expect(r.code).toBe(1);
  });

  it("exits 2 with one line when a file is missing or not JSON, and still reports the others", async () => {
    const dir = tempDir();
    writeJson(dir, "ok.json", valid());
    writeFileSync(join(dir, "broken.json"), '{ "formatVersion": "2021", ');
    const r = await cli(["validate", "ok.json", "missing.json", "broken.json", "--json"], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^missing\.json: 无法读取：文件不存在$/);
    expect(lines[1]).toMatch(/^broken\.json: 不是有效的 JSON：/);
    const out = JSON.parse(r.stdout) as { file: string; error?: string }[];
    expect(out.map((e) => [e.file, Boolean(e.error)])).toEqual([
      ["ok.json", false],
      ["missing.json", true],
      ["broken.json", true],
    ]);
  });

  it("a bad line on standard input is exit 2 naming the line", async () => {
    const r = await cli(["validate", "-"], { stdin: `${JSON.stringify(valid())}\nnot json\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^-:2: 不是有效的 JSON/);
  });

  it("arbitrary JSON that is not a report is exit 1 with schema findings, not a crash", async () => {
    const r = await cli(["validate", "-", "--json"], { stdin: '[1,2]\n{"year": "x"}\n' });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: Finding[] }[];
    expect(out[0]!.findings[0]!.ruleId).toBe("SCHEMA");
    expect(out[1]!.findings.some((f) => f.path === "year")).toBe(true);
  });

  it("as a real process: exit codes, and no stack trace on bad input", () => {
    const dir = tempDir();
    writeJson(dir, "bad.json", unbalanced());
    expect(cliProcess(["validate", "bad.json"], { cwd: dir }).code).toBe(1);
    const missing = cliProcess(["validate", "nope.json"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const usage = cliProcess(["frobnicate"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("frobnicate");
  });
});
