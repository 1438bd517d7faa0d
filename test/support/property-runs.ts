import type fc from 'fast-check';

// How many runs a property test makes: a few in `npm test`, as many as a soak wants through the environment, e.g.
// KARTE_PROPERTY_RUNS=10000 npx vitest run test/integration/sync-property.test.ts. KARTE_PROPERTY_SEED replays a
// failure's seed; the seed of every run is printed, so a soak can be repeated.

/** The runs, the seed, and how long the test may take: `msPerRun` for each run, however many a soak asks for. */
export function propertyRuns(variable: string, fallback: number, msPerRun: number): Pick<fc.Parameters<unknown>, 'numRuns' | 'seed'> & { timeoutMs: number } {
  const runs = process.env[variable];
  const numRuns = runs === undefined ? fallback : Number(runs);
  if (!Number.isInteger(numRuns) || numRuns < 1) throw new Error(`${variable} must be a whole number of runs, got '${runs}'`);
  const seedText = process.env.KARTE_PROPERTY_SEED;
  const seed = seedText === undefined ? Date.now() ^ (Math.random() * 0x1_0000_0000) : Number(seedText);
  if (!Number.isInteger(seed)) throw new Error(`KARTE_PROPERTY_SEED must be an integer, got '${seedText}'`);
  console.log(`${variable}: ${numRuns} runs, seed ${seed}`);
  return { numRuns, seed, timeoutMs: 60_000 + numRuns * msPerRun };
}
