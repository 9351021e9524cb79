/**
 * Builds the default scenario at one population (communities scaled with it) with its arrays in
 * shared memory, hands it `threads` threads (1: no workers, the one-thread runner), steps a
 * warm-up and then the timed steps, and prints one JSON line: wall and CPU time, person-steps,
 * time per phase. Usage: node --import tsx bench/threads-child.ts <population> <threads> <warm-up steps> <timed steps>
 */
import type { Simulation } from '../sim/index.js';
import { ThreadedRunner } from '../sim/node/threads.js';
import { createSimulation } from '../scenarios/create.js';
import { scaledScenario, timeSteps, type Society as SocietyModel } from './society-child.js';

/** What one child measured; bench/threads.ts reads it. */
export interface ThreadsChildResult {
  population: number;
  threads: number;
  steps: number;
  seconds: number;
  cpuSeconds: number;
  personSteps: number;
  phaseMs: Record<string, number>;
}

type Society = SocietyModel & Simulation;

async function measure(population: number, threads: number, warmUp: number, steps: number): Promise<ThreadsChildResult> {
  const society = createSimulation(scaledScenario(population), { shared: threads > 1 }) as Society;
  // A run writes each snapshot out as it is taken; holding them would weigh on the timed steps.
  society.collector.sendSnapshotsTo(() => {});
  const sharding = society.sharding!;
  const runner = threads > 1 ? await ThreadedRunner.start({ threads, kernelModule: sharding.kernelModule, kernels: sharding.kernels, params: sharding.params, seed: sharding.seed }) : undefined;
  if (runner) sharding.use(runner);
  try {
    society.run({ steps: warmUp });
    return { population, threads, steps, ...timeSteps(society, steps) };
  } finally {
    runner?.close();
  }
}

const [population, threads, warmUp, steps] = process.argv.slice(2).map(Number);
console.log(JSON.stringify(await measure(population!, threads!, warmUp!, steps!)));
process.exit(0);
