/**
 * Builds the default scenario at one population (communities scaled with it) with its arrays in
 * shared memory, hands it `threads` threads (1: no workers, the one-thread runner), steps a
 * warm-up and then the timed steps, and prints one JSON line: wall and CPU time, person-steps,
 * time per phase. Usage: node --import tsx bench/threads-child.ts <population> <threads> <warm-up steps> <timed steps>
 */
import { TimedRunner, type Simulation } from '../sim/index.js';
import { ThreadedRunner } from '../sim/node/threads.js';
import type { JobBalance } from '../sim/node/thread-protocol.js';
import { createSimulation } from '../scenarios/create.js';
import { scaledScenario, timeSteps, writeAwayAsARunDoes, type Society as SocietyModel } from './society-child.js';
import { settleCompilerForKernels } from '../sim/node/compiler-settings.js';

/** What one child measured; bench/threads.ts reads it. */
export interface ThreadsChildResult {
  population: number;
  threads: number;
  steps: number;
  seconds: number;
  cpuSeconds: number;
  personSteps: number;
  phaseMs: Record<string, number>;
  /**
   * Milliseconds per step inside the kernels' runs (from the call until every thread is done):
   * the part of a step that threads share. The rest runs on the calling thread alone.
   */
  kernelMs: number;
  /**
   * The same by kernel name (ms a step). A phase's part on the calling thread alone is its time
   * less its kernels': kernels are named after their phase (`produce.effort`), except
   * `people.sums` (the syndicates' and ecology's), `gather.*` (demography's gathering of rows)
   * and `metrics.*` (outside the phases).
   */
  kernelMsByName: Record<string, number>;
  /**
   * On two or more threads, how each kernel's jobs were shared out, ms a step (see `JobBalance`);
   * empty on one thread. `balance` sums them over the kernels but `metrics.persons`, the pass
   * begun ahead, whose workers' idle time is the caller's other work.
   */
  balanceByName: Record<string, JobBalance>;
  balance: Omit<JobBalance, 'jobs'>;
}

/** Every kernel's balance per step, and their sum over the kernels run and joined in place. */
export function balancePerStep(balances: ReadonlyMap<string, JobBalance> | undefined, steps: number): Pick<ThreadsChildResult, 'balanceByName' | 'balance'> {
  const balance = { callerMs: 0, callerWaitMs: 0, workerWakeMs: 0, workerMs: 0, workerIdleMs: 0 };
  const balanceByName: Record<string, JobBalance> = {};
  for (const [name, totals] of balances ?? []) {
    const perStep = { ...totals };
    for (const key of Object.keys(balance) as (keyof typeof balance)[]) {
      perStep[key] /= steps;
      if (name !== 'metrics.persons') balance[key] += perStep[key];
    }
    perStep.jobs /= steps;
    balanceByName[name] = perStep;
  }
  return { balanceByName, balance };
}

type Society = SocietyModel & Simulation;

async function measure(population: number, threads: number, warmUp: number, steps: number): Promise<ThreadsChildResult> {
  const society = createSimulation(scaledScenario(population), { shared: threads > 1 }) as Society;
  writeAwayAsARunDoes(society);
  const sharding = society.sharding!;
  const runner = threads > 1 ? await ThreadedRunner.start({ threads, kernelModule: sharding.kernelModule, kernels: sharding.kernels, params: sharding.params, seed: sharding.seed, balance: true }) : undefined;
  // The model's own one-thread runner when no threads were started; time summed by kernel.
  const timed = new TimedRunner(runner ?? sharding.runner, () => performance.now());
  sharding.use(timed);
  try {
    society.run({ steps: warmUp });
    timed.reset();
    runner?.balance!.clear();
    const times = timeSteps(society, steps);
    const kernelMsByName = Object.fromEntries([...timed.byKey].map(([name, ms]) => [name, ms / steps]));
    return { population, threads, steps, ...times, kernelMs: timed.ms / steps, kernelMsByName, ...balancePerStep(runner?.balance, steps) };
  } finally {
    runner?.close();
  }
}

const [population, threads, warmUp, steps] = process.argv.slice(2).map(Number);
settleCompilerForKernels(); // as a run from the CLI has it
console.log(JSON.stringify(await measure(population!, threads!, warmUp!, steps!)));
process.exit(0);
