import { aggregateReports, type ReportDocument2021 } from "@nianbao/core";
import { sampleReport } from "@nianbao/core/testing";
import { describe, expect, it } from "vitest";
import { cli, tempDir, writeJson } from "../test-support/cli";

describe("nianbao aggregate", () => {
  it("prints the roll-up as a contract document with how many inputs fed each cell", async () => {
    const dir = tempDir();
    const docs = [1, 2, 3].map((seed) => sampleReport({ seed, year: 2023 }));
    docs[2]!.tables.reviewLitigation.review.upheld = null;
    docs.forEach((d, i) => writeJson(dir, `${i}.json`, d));
    const r = await cli(["aggregate", "0.json", "1.json", "2.json", "--json", "--agency", "示范区人民政府"], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.inputs).toBe(3);
    expect(out.report.agency).toEqual({ name: "示范区人民政府", kind: "government" });
    const natural = docs.reduce((n, d) => n + d.tables.applications.newReceived.natural!, 0);
    expect(out.report.tables.applications.newReceived.natural).toBe(natural);
    expect(out.cells["applications.newReceived.natural"]).toEqual({ value: natural, reported: 3 });
    expect(out.cells["reviewLitigation.review.upheld"]).toEqual({ value: null, reported: 2 });
    expect(out.report.tables.reviewLitigation.review.upheld).toBeNull();
  });

  it("sums reports streamed on standard input", async () => {
    const docs = Array.from({ length: 50 }, (_, i) => sampleReport({ seed: i + 1, year: 2022 }));
    const r = await cli(["aggregate", "-", "--json"], { stdin: docs.map((d) => JSON.stringify(d)).join("\n") });
    const out = JSON.parse(r.stdout);
    expect(out.inputs).toBe(50);
    expect(out.report.tables.applications.results.totalProcessed.total).toBe(
      docs.reduce((n, d) => n + d.tables.applications.results.totalProcessed.total!, 0),
    );
  });

  it("prints a readable table by default", async () => {
    const r = await cli(["aggregate", "-"], { stdin: JSON.stringify(sampleReport({ seed: 3, year: 2022 })) });
    expect(r.stdout).toMatch(/2022年度汇总：1 份报告，格式 2021/);
    expect(r.stdout).toMatch(/一、本年新收政府信息公开申请数量 \/ 自然人 {2}\d+ {2}\(1\/1 份填报\)/);
  });

  it("refuses an input that is not a report, exit 2", async () => {
    const r = await cli(["aggregate", "-"], { stdin: '{"hello": 1}\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^-:1: 不是年度报告文档/);
  });

  it("gives exactly core's roll-up of the same documents: money exact, empty cells counted, CR LF and blank lines read", async () => {
    const docs = Array.from({ length: 40 }, (_, i) => sampleReport({ seed: i + 7, year: 2024 }) as ReportDocument2021);
    docs[3]!.tables.applications.newReceived.natural = null;
    docs[9]!.tables.activeDisclosure.fees.amount = "0.1";
    docs[10]!.tables.activeDisclosure.fees.amount = "0.2";
    docs[11]!.tables.activeDisclosure.fees.amount = null;
    const stdin = docs.map((d, i) => `${JSON.stringify(d)}${i % 3 ? "\n" : "\r\n\n"}`).join("");
    const r = await cli(["aggregate", "-", "--json"], { stdin });
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    const expected = aggregateReports(docs);
    expect(out.report).toEqual(expected.report);
    expect(out.findings).toEqual(expected.findings);
    expect(out.cells["activeDisclosure.fees.amount"]).toEqual({ value: null, reported: 39 });
    expect(out.cells["applications.newReceived.natural"]).toEqual({ value: null, reported: 39 });
    for (const [id, cell] of Object.entries(expected.cells)) expect(out.cells[id]).toEqual({ value: cell.value, reported: cell.reported });
  });

  it("refuses malformed reports, naming the line and the field or cell, and prints no roll-up", async () => {
    const good = sampleReport({ seed: 2, year: 2024 });
    /** The report with the value at a dotted path replaced (undefined: taken out). */
    const broken = (path: string, value: unknown) => {
      const d = structuredClone(good) as unknown as Record<string, unknown>;
      const keys = path.split(".");
      const row = keys.slice(0, -1).reduce((node, key) => node[key] as Record<string, unknown>, d);
      if (value === undefined) delete row[keys[keys.length - 1]!];
      else row[keys[keys.length - 1]!] = value;
      return JSON.stringify(d);
    };
    const lines = [
      JSON.stringify(good),
      broken("tables.applications.newReceived.natural", "12"),
      broken("tables.applications.carriedOver.total", undefined),
      broken("tables.applications.newReceived.robots", 1),
      broken("tables.activeDisclosure.fees.amount", "1,000"),
      broken("tables.applications.newReceived.natural", -1),
      "",
      broken("year", undefined),
      broken("agency.name", "  "),
      "{not json",
      broken("formatVersion", "2020"),
      JSON.stringify(good),
    ];
    const r = await cli(["aggregate", "-", "--json"], { stdin: lines.join("\n") });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const errors = r.stderr.trim().split("\n");
    expect(errors).toHaveLength(9);
    expect(errors[0]).toMatch(
      /^-:2: 不符合报告格式：单元格 applications\.newReceived\.natural（.*自然人）.*须为非负整数或 null，实为 "12"$/,
    );
    expect(errors[1]).toMatch(/^-:3: .*单元格 applications\.carriedOver\.total（.*）.*缺失$/);
    expect(errors[2]).toMatch(/^-:4: .*tables\.applications\.newReceived .*robots/);
    expect(errors[3]).toMatch(/^-:5: .*单元格 activeDisclosure\.fees\.amount（.*）.*十进制.*"1,000"$/);
    expect(errors[4]).toMatch(/^-:6: .*单元格 applications\.newReceived\.natural.*实为 -1$/);
    expect(errors[5]).toMatch(/^-:8: 不是年度报告文档/);
    expect(errors[6]).toMatch(/^-:9: .*agency\.name /);
    expect(errors[7]).toMatch(/^-:10: 不是有效的 JSON/);
    expect(errors[8]).toMatch(/^-:11: 不是年度报告文档/);
    const en = await cli(["aggregate", "-", "--lang", "en"], { stdin: lines[1]! });
    expect(en.stderr).toMatch(
      /^-:1: not a valid report: cell applications\.newReceived\.natural \(.*\) must be a non-negative integer or null, not "12"\n$/,
    );
  });

  it("refuses a malformed report in a file too", async () => {
    const dir = tempDir();
    const doc = structuredClone(sampleReport({ seed: 5, year: 2023 })) as ReportDocument2021;
    (doc.tables.reviewLitigation.review as Record<string, unknown>).upheld = 1.5;
    writeJson(dir, "bad.json", doc);
    const r = await cli(["aggregate", "bad.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.json: 不符合报告格式：单元格 reviewLitigation\.review\.upheld（.*）.*实为 1\.5\n$/);
  });
});
