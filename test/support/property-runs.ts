import type fc from 'fast-check';

// How many runs a property test makes: a few in `npm test`, as many as a soak wants through the environment, e.g.
// KARTE_PROPERTY_RUNS=10000 npx vitest run test/integration/sync-property.test.ts. KARTE_PROPERTY_SEED replays a
// failure's seed, and KARTE_PROPERTY_PATH with it the failure itself (fast-check's `path`); the seed of every run is
// printed, so a soak can be repeated.

/** The runs, the seed, and how long the test may take: `msPerRun` for each run, however many a soak asks for. */
export function propertyRuns(variable: string, fallback: number, msPerRun: number): Pick<fc.Parameters<unknown>, 'numRuns' | 'seed' | 'path'> & { timeoutMs: number } {
  const runs = process.env[variable];
  const numRuns = runs === undefined ? fallback : Number(runs);
  if (!Number.isInteger(numRuns) || numRuns < 1) throw new Error(`${variable} must be a whole number of runs, got '${runs}'`);
  const seedText = process.env.KARTE_PROPERTY_SEED;
  const seed = seedText === undefined ? Date.now() ^ (Math.random() * 0x1_0000_0000) : Number(seedText);
  if (!Number.isInteger(seed)) throw new Error(`KARTE_PROPERTY_SEED must be an integer, got '${seedText}'`);
  const path = process.env.KARTE_PROPERTY_PATH;
  if (path !== undefined && seedText === undefined) throw new Error('KARTE_PROPERTY_PATH replays a failure of one seed: set KARTE_PROPERTY_SEED too');
  console.log(`${variable}: ${numRuns} runs, seed ${seed}${path === undefined ? '' : `, path ${path}`}`);
  return { numRuns, seed, path, timeoutMs: 60_000 + numRuns * msPerRun };
}
