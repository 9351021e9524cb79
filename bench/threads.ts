import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ThreadsChildResult } from './threads-child.js';
import { round, type BenchOptions, type BenchSuite, type Measurement } from './suite.js';

/**
 * One run split across threads: the default society at 100k and 1M persons on 1 thread and on
 * 2 (the calling thread and one worker, arrays in shared memory), each in a fresh child process
 * over the same window of months, timed after V8 has compiled the step (see
 * WARM_UP_PERSON_STEPS). The speed-up is one-thread time ÷ two-thread time, measured in the same
 * bench run; the files of such runs are byte-identical (tests/models/society/threads.test.ts).
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = join(ROOT, 'bench', 'threads-child.ts');
const SIZES = [
  { population: 100_000, suffix: '100k', repeats: 2 },
  { population: 1_000_000, suffix: '1m', repeats: 1 },
];
/**
 * The timed window starts once V8 has compiled the step's code: until then its compiler thread
 * takes a core of its own (a one-thread process at 100k used 1.3–1.6 cores over steps 11–40, and
 * 1.04–1.06 after 60 steps), and on a 2-core machine it competes with the worker. Compiling takes
 * about the same wall time at any size, so the warm-up is a number of person-steps: 60 steps at
 * 100k, 6 at 1M. A 600-step run spends nearly all its time past that point.
 */
const WARM_UP_PERSON_STEPS = 6_000_000;
const TIMED_STEPS = 12;
const QUICK = { population: 10_000, suffix: '10k', repeats: 1, warmUp: 1, steps: 2 };

function warmUpSteps(population: number): number {
  return Math.max(3, Math.ceil(WARM_UP_PERSON_STEPS / population));
}

function runChild(population: number, threads: number, warmUp: number, steps: number): ThreadsChildResult {
  const args = [population, threads, warmUp, steps].map(String);
  const text = execFileSync(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(text.trim().split('\n').at(-1)!) as ThreadsChildResult;
}

/** The fastest of a few runs: the least disturbed by other work on the machine. */
function fastest(population: number, threads: number, repeats: number, warmUp: number, steps: number, log: BenchOptions['log']): ThreadsChildResult {
  let best: ThreadsChildResult | undefined;
  for (let r = 0; r < repeats; r++) {
    const run = runChild(population, threads, warmUp, steps);
    log(`  threads: N=${population}, ${threads} thread(s): ${(run.seconds / run.steps * 1000).toFixed(0)} ms/step, ${(run.cpuSeconds / run.seconds).toFixed(2)} cores`);
    if (!best || run.seconds < best.seconds) best = run;
  }
  return best!;
}

function sizeMeasurements(one: ThreadsChildResult, two: ThreadsChildResult, suffix: string): Measurement[] {
  const rate = (run: ThreadsChildResult) => Math.round(run.personSteps / run.seconds);
  const speedup = one.seconds / one.personSteps / (two.seconds / two.personSteps);
  return [
    { key: `society_threads_2_person_steps_per_s_${suffix}`, label: `society N=${suffix}, 2 threads`, value: rate(two), unit: 'person-steps/s', baseline: `society_threads_1_person_steps_per_s_${suffix}`, ratio: `society_threads_speedup_2_${suffix}` },
    { key: `society_threads_1_person_steps_per_s_${suffix}`, label: `society N=${suffix}, 1 thread (shared arrays)`, value: rate(one), unit: 'person-steps/s' },
    { key: `society_threads_speedup_2_${suffix}`, label: `speed-up, 2 threads ÷ 1, N=${suffix}`, value: round(speedup), unit: '×', ...(suffix === '1m' ? { target: '≥ 1.6' } : {}) },
    { key: `society_threads_cores_used_2_${suffix}`, label: `cores the 2-thread run got (CPU ÷ wall)`, value: round(two.cpuSeconds / two.seconds, 2), unit: 'cores' },
    // Near 1 once the compiler is done; well above it, V8's own threads were still busy in the window.
    { key: `society_threads_cores_used_1_${suffix}`, label: `cores the 1-thread run got (CPU ÷ wall)`, value: round(one.cpuSeconds / one.seconds, 2), unit: 'cores' },
    ...shareMeasurements(one, two, suffix),
  ];
}

/**
 * Where the speed-up is lost. The kernels' share of a one-thread step is all that threads can
 * share; the rest runs on the calling thread, which caps the speed-up on 2 threads at
 * 1 ÷ ((1 − share) + share ÷ 2) (Amdahl's law) even if the kernels halved. The kernels' own
 * speed-up (kernel time on 1 thread ÷ on 2) shows how far they are from halving.
 */
function shareMeasurements(one: ThreadsChildResult, two: ThreadsChildResult, suffix: string): Measurement[] {
  const stepMs = (run: ThreadsChildResult) => (run.seconds * 1000) / run.steps;
  const perPerson = (run: ThreadsChildResult, ms: number) => ms / (run.personSteps / run.steps);
  const share = one.kernelMs / stepMs(one);
  const kernelSpeedup = perPerson(one, one.kernelMs) / perPerson(two, two.kernelMs);
  const serial = (run: ThreadsChildResult) => round(stepMs(run) - run.kernelMs, 1);
  return [
    { key: `society_threads_kernel_share_${suffix}`, label: `kernels' share of a 1-thread step (what threads can share), N=${suffix}`, value: round(share, 3), unit: '' },
    { key: `society_threads_amdahl_bound_2_${suffix}`, label: `  most a 2-thread speed-up can be with that share, N=${suffix}`, value: round(1 / (1 - share + share / 2), 3), unit: '×' },
    { key: `society_threads_kernel_speedup_2_${suffix}`, label: `  the kernels' own speed-up on 2 threads, N=${suffix}`, value: round(kernelSpeedup, 3), unit: '×' },
    { key: `society_threads_serial_ms_1_${suffix}`, label: `  a step outside the kernels, 1 thread, N=${suffix}`, value: serial(one), unit: 'ms' },
    { key: `society_threads_serial_ms_2_${suffix}`, label: `  a step outside the kernels, 2 threads, N=${suffix}`, value: serial(two), unit: 'ms' },
    ...balanceMeasurements(one, two, suffix),
  ];
}

/**
 * Why the kernels' own speed-up falls short of 2: the caller waiting at a job's end for the
 * worker's last chunk, the worker taking each job up late, and each thread running the same
 * work slower while the other runs too (thread-time in chunks on 2 threads ÷ the same kernels'
 * time on 1; kernels the caller ran alone beside a job begun ahead are left out).
 */
function balanceMeasurements(one: ThreadsChildResult, two: ThreadsChildResult, suffix: string): Measurement[] {
  const personsPerStep = (run: ThreadsChildResult) => run.personSteps / run.steps;
  let alone = 0;
  for (const name of Object.keys(two.balanceByName)) if (name !== 'metrics.persons') alone += one.kernelMsByName[name] ?? 0;
  const threadTime = two.balance.callerMs + two.balance.workerMs;
  const slowdown = alone > 0 ? threadTime / personsPerStep(two) / (alone / personsPerStep(one)) : 0;
  return [
    { key: `society_threads_kernel_wait_ms_2_${suffix}`, label: `  the caller waiting at the kernels' ends for the worker, N=${suffix}`, value: round(two.balance.callerWaitMs, 2), unit: 'ms' },
    { key: `society_threads_kernel_wake_ms_2_${suffix}`, label: `  the worker taking the kernels up late, N=${suffix}`, value: round(two.balance.workerWakeMs, 2), unit: 'ms' },
    { key: `society_threads_kernel_thread_time_ratio_2_${suffix}`, label: `  thread-time in the kernels, 2 threads ÷ 1 (1 = no slower side by side), N=${suffix}`, value: round(slowdown, 3), unit: '×' },
  ];
}

export const suite: BenchSuite = {
  name: 'threads',
  description: 'one society run split across 2 threads vs 1 thread (same files), default scenario at 100k and 1M persons',
  run({ quick, log }) {
    const sizes = quick ? [QUICK] : SIZES.map((size) => ({ ...size, warmUp: warmUpSteps(size.population), steps: TIMED_STEPS }));
    const out: Measurement[] = [];
    for (const size of sizes) {
      const one = fastest(size.population, 1, size.repeats, size.warmUp, size.steps, log);
      const two = fastest(size.population, 2, size.repeats, size.warmUp, size.steps, log);
      out.push(...sizeMeasurements(one, two, size.suffix));
    }
    return out;
  },
};
