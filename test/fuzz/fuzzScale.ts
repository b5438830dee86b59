/**
 * How many cases a fuzz test runs: a short run in `npm test`, a long one with `npm run fuzz`
 * (ASL_FUZZ_SCALE=N multiplies every count). A fixed seed (ASL_FUZZ_SEED) replays a failure.
 */
export const FUZZ_SCALE = Math.max(1, Number(process.env.ASL_FUZZ_SCALE ?? 1));

export function fuzzParams(runs: number): { numRuns: number; seed?: number; verbose: number } {
  const seed = process.env.ASL_FUZZ_SEED ? Number(process.env.ASL_FUZZ_SEED) : undefined;
  return { numRuns: runs * FUZZ_SCALE, seed, verbose: 1 };
}

/** Where a fuzz test reports what it ran: `npm run fuzz` prints these lines. */
export function fuzzReport(line: string): void {
  if (FUZZ_SCALE > 1 || process.env.ASL_FUZZ_REPORT) console.log(`    fuzz: ${line}`);
}
