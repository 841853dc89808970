/** Timing shared by the document benchmarks. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Median wall time (ms) of each job over `runs` runs, after one warm-up each (pdfjs loads its worker
 * on first use). The jobs take turns within every run, so a machine shared with other work slows the
 * baseline and the measured jobs alike instead of whichever happened to run then. No forced
 * collection between runs: a full GC before each run made every job about three times slower, which
 * measures the collector, not the work.
 */
export async function timeTogether(jobs: readonly (() => Promise<unknown>)[], runs: number): Promise<number[]> {
  for (const job of jobs) await job();
  const samples = jobs.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [j, job] of jobs.entries()) {
      const t0 = performance.now();
      await job();
      samples[j]!.push(performance.now() - t0);
    }
  }
  return samples.map(median);
}
