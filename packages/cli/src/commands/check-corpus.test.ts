/** nianbao import --check-corpus DIR: the corpus figures, and exit 1 when a cell is wrong. */
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, REPO, tempDir } from "../test-support/cli";

const CORPUS = join(REPO, "packages/documents/test/corpus");

describe("nianbao import --check-corpus", () => {
  it("prints right / wrong / empty per file, per shape and overall; exit 0 with nothing wrong", async () => {
    const r = await cli(["import", "--check-corpus", CORPUS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^all \(\d+ files\)\s+\d+\s+0\s+\d+/mu);
    expect(r.stdout).toMatch(/^shape 9 /mu);
    expect(r.stdout).not.toContain("WRONG");
  });

  it("exits 1 and names the cell when an expectation disagrees with the import", async () => {
    const dir = tempDir();
    copyFileSync(join(CORPUS, "2024-guangdong-longgang-department.txt"), join(dir, "r.txt"));
    const expectation = {
      source: "https://example.org/r",
      format: "2021",
      shapes: [1],
      rows: { "applications.newReceived": [58, 7, 0, 0, 1, 0, 67] },
    };
    writeFileSync(join(dir, "r.expected.json"), JSON.stringify(expectation));
    const r = await cli(["import", "--check-corpus", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("WRONG r.txt applications.newReceived.total: expected 67, got 66");
  });

  it("refuses a directory that does not exist with one line and exit 2", async () => {
    const r = await cli(["import", "--check-corpus", join(tempDir(), "nothing")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
