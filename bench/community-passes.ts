/**
 * What one pass over the communities costs on the calling thread, by how many of each
 * community's objects it reaches, against the same values read from a typed array (the
 * baseline, measured in the same process): the serial phases prepare and book their kernels
 * in such passes, and the lever left for them is the communities' state in columns. Builds
 * the default scenario at one population (communities scaled with it), steps the warm-up
 * months so the heap is laid out as a run's is, then times each pass cold: a 64 MB sweep
 * first evicts the caches, as a step's other work does. Prints a table and one JSON line.
 * Usage: node --import tsx bench/community-passes.ts [population=1000000] [warm-up=24] [repeats=20]
 */
import { fileURLToPath } from 'node:url';
import type { Simulation } from '../sim/index.js';
import { createSimulation } from '../scenarios/create.js';
import type { Community } from '../models/society/communities/community.js';
import { scaledScenario, writeAwayAsARunDoes } from './society-child.js';

/** One pass: what it reads, its fastest time, and the sum it computed (to check it read what it says). */
export interface PassTime {
  pass: string;
  objects: number;
  microseconds: number;
  nsPerCommunity: number;
  /** This pass's time ÷ the column's: how many times dearer the objects are. */
  ratioToColumn: number;
  checksum: number;
}

/** The passes, each reading one value per community: from the community, through 1, 2 or 4 of its parts, or a column. */
function passes(communities: readonly Community[], column: Float64Array): { pass: string; objects: number; run: () => number }[] {
  const n = communities.length;
  return [
    { pass: 'column (Float64Array)', objects: 0, run: () => { let s = 0; for (let c = 0; c < n; c++) s += column[c]!; return s; } },
    { pass: 'the community (population)', objects: 1, run: () => { let s = 0; for (let c = 0; c < n; c++) s += communities[c]!.population; return s; } },
    { pass: 'one part (governance.detection)', objects: 2, run: () => { let s = 0; for (let c = 0; c < n; c++) s += communities[c]!.governance.detection; return s; } },
    {
      pass: 'two parts (governance, policy)',
      objects: 3,
      run: () => { let s = 0; for (let c = 0; c < n; c++) s += communities[c]!.governance.detection + communities[c]!.policy.sharing; return s; },
    },
    {
      pass: 'four parts (governance, policy, food, collective)',
      objects: 5,
      run: () => {
        let s = 0;
        for (let c = 0; c < n; c++) {
          const community = communities[c]!;
          s += community.governance.detection + community.policy.sharing + community.food.price + community.collective.capital;
        }
        return s;
      },
    },
  ];
}

/** Reads and writes 64 MB, a line at a time, so the next pass finds nothing of the communities in the caches. */
const sweep = new Float64Array(8 << 20);
function evictCaches(): number {
  let s = 0;
  for (let i = 0; i < sweep.length; i += 8) s += ++sweep[i]!;
  return s;
}

/** Times each pass `repeats` times, cold, and keeps the fastest (the least disturbed). */
export function timePasses(communities: readonly Community[], repeats: number): PassTime[] {
  const column = Float64Array.from(communities, (community) => community.governance.detection);
  let keep = 0;
  const timed = passes(communities, column).map(({ pass, objects, run }) => {
    let best = Infinity;
    let checksum = 0;
    for (let r = 0; r < repeats; r++) {
      keep += evictCaches();
      const start = performance.now();
      checksum = run();
      best = Math.min(best, performance.now() - start);
    }
    return { pass, objects, best, checksum };
  });
  if (keep < 0) console.log(keep); // never: keeps the sweep from being optimised away
  const column0 = Math.max(1e-6, timed[0]!.best);
  return timed.map(({ pass, objects, best, checksum }) => ({
    pass,
    objects,
    microseconds: Math.round(best * 1000 * 10) / 10,
    nsPerCommunity: Math.round(((best * 1e6) / Math.max(1, communities.length)) * 10) / 10,
    ratioToColumn: Math.round((best / column0) * 10) / 10,
    checksum,
  }));
}

/** Builds and warms the society, then times the passes over its communities. */
export function communityPasses(population: number, warmUp: number, repeats: number): { population: number; communities: number; warmUp: number; passes: PassTime[] } {
  const society = createSimulation(scaledScenario(population), { shared: false }) as Simulation & { communities: Community[]; run(options: { steps: number }): void };
  writeAwayAsARunDoes(society as never);
  society.run({ steps: warmUp });
  return { population, communities: society.communities.length, warmUp, passes: timePasses(society.communities, repeats) };
}

function parseArgs(argv: string[]): [number, number, number] {
  const [population = '1000000', warmUp = '24', repeats = '20'] = argv;
  const numbers = [population, warmUp, repeats].map(Number);
  if (argv.length > 3 || numbers.some((n) => !Number.isInteger(n) || n < 0) || numbers[0]! < 100 || numbers[2]! < 1) {
    console.error('usage: bench/community-passes.ts [population ≥ 100, default 1000000] [warm-up months ≥ 0, default 24] [repeats ≥ 1, default 20]');
    process.exit(2);
  }
  return [numbers[0]!, numbers[1]!, numbers[2]!];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = communityPasses(...parseArgs(process.argv.slice(2)));
  console.log(`${result.communities} communities (${result.population} persons) after ${result.warmUp} months; one pass, cold, fastest of the repeats:`);
  for (const p of result.passes) {
    console.log(`  ${p.pass.padEnd(52)} ${String(p.microseconds).padStart(9)} µs  ${String(p.nsPerCommunity).padStart(7)} ns a community  ${String(p.ratioToColumn).padStart(6)}× the column`);
  }
  console.log(JSON.stringify(result));
}
