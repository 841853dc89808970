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
});
