/**
 * How the cost of one society run changes over its course: steps the default scenario (scaled
 * to a population) and prints, every `every` steps, one JSON line with the milliseconds per
 * step over that stretch, the persons, the communities (ever founded, and living), resident
 * memory, the agent snapshots held, and the four costliest phases. The benchmark's short
 * window cannot show costs that grow with the model's history (new communities, the
 * knowledge stock, snapshots kept in memory); this shows them.
 * Usage: node --import tsx bench/society-trace.ts <population> <steps> [every=60]
 */
import { fileURLToPath } from 'node:url';
import type { Model } from '../sim/index.js';
import { createSimulation } from '../scenarios/create.js';
import { scaledScenario } from './society-child.js';

/** The model's surface the trace reads. */
type Society = Model & {
  people: { length: number };
  communities: { population: number }[];
  collector: { snapshots: unknown[] };
};

/** The phases that took the most time since `before`, as `name:ms-per-step`. */
function costliest(now: Map<string, number>, before: Map<string, number>, steps: number, count: number): string {
  return [...now]
    .map(([phase, ms]) => [phase, (ms - (before.get(phase) ?? 0)) / steps] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([phase, ms]) => `${phase}:${ms.toFixed(1)}`)
    .join(' ');
}

function trace(population: number, steps: number, every: number): void {
  const society = createSimulation(scaledScenario(population)) as Society;
  society.profile(() => performance.now());
  let before = new Map<string, number>();
  let start = performance.now();
  for (let step = 1; step <= steps; step++) {
    society.step();
    if (step % every !== 0 && step !== steps) continue;
    const now = performance.now();
    const stretch = step % every === 0 ? every : step % every;
    console.log(JSON.stringify({
      step,
      msPerStep: Number(((now - start) / stretch).toFixed(1)),
      persons: society.people.length,
      communities: society.communities.length,
      living: society.communities.filter((c) => c.population > 0).length,
      rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
      snapshots: society.collector.snapshots.length,
      costliest: costliest(society.phaseTimes, before, stretch, 4),
    }));
    before = new Map(society.phaseTimes);
    start = performance.now();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [population, steps, every = 60] = process.argv.slice(2).map(Number);
  if (![population, steps, every].every((n) => Number.isInteger(n) && n! > 0)) {
    console.error('usage: node --import tsx bench/society-trace.ts <population> <steps> [every=60]');
    process.exit(2);
  }
  trace(population!, steps!, every!);
}
