import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { lineBatches } from "./inputs";

/** The lines readline gives for the same bytes (the reader lineBatches replaces). */
async function readlineLines(chunks: Uint8Array[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: Readable.from(chunks), crlfDelay: Infinity })) lines.push(line);
  return lines;
}

async function batchedLines(chunks: Uint8Array[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const batch of lineBatches(Readable.from(chunks))) lines.push(...batch);
  return lines;
}

/** `text` as UTF-8 cut into chunks at every `step` bytes (through multi-byte characters too). */
function chunked(text: string, step: number): Uint8Array[] {
  const bytes = Buffer.from(text, "utf8");
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += step) out.push(bytes.subarray(i, i + step));
  return out;
}

const TEXTS = [
  '{"a":1}\n{"b":2}\n',
  '{"a":1}\n{"b":2}',
  "一\r\n二\r\n\r\n三",
  "a\rb\r\rc\n",
  "a\r",
  "a\r\r\n\rb\n\n\n",
  '\uFEFF{"机关":"示例区第2局"}\r\n  \n{}',
  "",
  "\n",
  "\r",
  "只有一行，没有换行",
];

describe("lineBatches", () => {
  it("splits lines exactly as readline does, however the chunks fall", async () => {
    for (const text of TEXTS) {
      for (const step of [1, 2, 3, 5, 1000]) {
        const chunks = chunked(text, step);
        expect({ text, step, lines: await batchedLines(chunks) }).toEqual({ text, step, lines: await readlineLines(chunks) });
      }
    }
  });

  it("yields a chunk's lines together", async () => {
    const batches: string[][] = [];
    for await (const batch of lineBatches(Readable.from([Buffer.from("1\n2\n3"), Buffer.from("4\n5\n")]))) batches.push(batch);
    expect(batches).toEqual([
      ["1", "2"],
      ["34", "5"],
    ]);
  });
});
