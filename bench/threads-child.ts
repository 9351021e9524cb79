/**
 * Builds the default scenario at one population (communities scaled with it) with its arrays in
 * shared memory, hands it `threads` threads (1: no workers, the one-thread runner), steps a
 * warm-up and then the timed steps, and prints one JSON line: wall and CPU time, person-steps,
 * time per phase. Usage: node --import tsx bench/threads-child.ts <population> <threads> <warm-up steps> <timed steps>
 */
import type { Model, Simulation } from '../sim/index.js';
import { ThreadedRunner } from '../sim/node/threads.js';
import { createSimulation } from '../scenarios/create.js';
import { scaledScenario } from './society-child.js';

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

type Society = Model & Simulation & { people: { length: number } };

async function measure(population: number, threads: number, warmUp: number, steps: number): Promise<ThreadsChildResult> {
  const society = createSimulation(scaledScenario(population), { shared: threads > 1 }) as Society;
  const sharding = society.sharding!;
  const runner = threads > 1 ? await ThreadedRunner.start({ threads, kernelModule: sharding.kernelModule, kernels: sharding.kernels, params: sharding.params, seed: sharding.seed }) : undefined;
  if (runner) sharding.use(runner);
  try {
    society.run({ steps: warmUp });
    society.profile(() => performance.now());
    let personSteps = 0;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    for (let s = 0; s < steps; s++) {
      personSteps += society.people.length;
      society.step();
    }
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const phaseMs: Record<string, number> = {};
    for (const [phase, ms] of society.phaseTimes) phaseMs[phase] = ms / steps;
    return { population, threads, steps, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, personSteps, phaseMs };
  } finally {
    runner?.close();
  }
}

const [population, threads, warmUp, steps] = process.argv.slice(2).map(Number);
console.log(JSON.stringify(await measure(population!, threads!, warmUp!, steps!)));
process.exit(0);
