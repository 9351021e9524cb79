import { setFlagsFromString } from 'node:v8';

/**
 * V8's setting for a process that runs the model's kernels: no on-stack replacement (OSR).
 *
 * A closure kernel (sim/closure-kernel.ts) is fast because V8 compiles a function of which only
 * one closure was ever made with what it closes over as constants (its typed arrays' addresses
 * and lengths): "function context specialization". V8 does this only when it optimises the
 * function as a whole, never for OSR code, the optimised copy of a loop it switches to while
 * the loop runs. Which of the two a kernel's work gets first is a race between the concurrent
 * compiler and the loops the kernel is running, so one run got the fast code and the next the
 * slow. At 1M persons on two threads, the worker's part of the metrics' pass begun ahead took
 * 260–290 ms over ten months in some runs and 415 in others; over a whole run, ecology waited
 * for that pass 4.5 s or 12–14 s. Without OSR, four runs of four got the fast code. The cost: a
 * long loop in a function called once runs unoptimised to its end (building the society at 1M:
 * 1.2 → 1.9 s).
 *
 * V8's flags hold for the whole process, every worker thread included: setting this once, in
 * the main thread before the model runs, covers them all. No result depends on it.
 */
export const KERNEL_PROCESS_FLAGS = '--no-use-osr';

let applied = false;

/** Applies `KERNEL_PROCESS_FLAGS` to this process (once; later calls do nothing). */
export function settleCompilerForKernels(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString(KERNEL_PROCESS_FLAGS);
}
