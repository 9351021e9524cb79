/**
 * Where a step's time goes between the kernels (which threads share) and the calling thread's
 * own work (which no thread count shortens): runs bench/threads-child.ts once and prints, per
 * phase, its time, its kernels' time and the difference, largest difference first, then the
 * same for the time outside the phases (collecting the metrics), and on several threads how the
 * kernels' jobs were shared out (see `JobBalance`). Usage:
 *   node --import tsx bench/serial-parts.ts <population> <threads> <warm-up steps> <timed steps>
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ThreadsChildResult } from './threads-child.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The phase a kernel runs in: its name's first part, but for the kernels named otherwise. */
export function phaseOfKernel(kernel: string, phases: readonly string[]): string {
  if (kernel === 'people.sums') return 'syndicates';
  if (kernel === 'people.norms') return 'ecology';
  if (kernel.startsWith('gather.')) return 'demography';
  const head = kernel.split('.')[0]!;
  return phases.includes(head) ? head : '(outside the phases)';
}

/** Rows of phase, total ms, kernels' ms and the calling thread's own ms (a step each), largest own first. */
export function serialParts(result: Pick<ThreadsChildResult, 'phaseMs' | 'kernelMsByName' | 'seconds' | 'steps'>): { part: string; ms: number; kernels: number; own: number }[] {
  const phases = Object.keys(result.phaseMs);
  const kernels = new Map<string, number>();
  for (const [name, ms] of Object.entries(result.kernelMsByName)) {
    const phase = phaseOfKernel(name, phases);
    kernels.set(phase, (kernels.get(phase) ?? 0) + ms);
  }
  const stepMs = (result.seconds / result.steps) * 1000;
  let inPhases = 0;
  const rows = phases.map((phase) => {
    const ms = result.phaseMs[phase]!;
    inPhases += ms;
    const k = kernels.get(phase) ?? 0;
    return { part: phase, ms, kernels: k, own: ms - k };
  });
  const outsideKernels = kernels.get('(outside the phases)') ?? 0;
  rows.push({ part: '(outside the phases)', ms: stepMs - inPhases, kernels: outsideKernels, own: stepMs - inPhases - outsideKernels });
  return rows.sort((a, b) => b.own - a.own);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.length !== 4) {
    console.error('usage: node --import tsx bench/serial-parts.ts <population> <threads> <warm-up steps> <timed steps>');
    process.exit(2);
  }
  const text = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'threads-child.ts'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 22 });
  const result = JSON.parse(text.trim().split('\n').at(-1)!) as ThreadsChildResult;
  const rows = serialParts(result);
  const fmt = (n: number) => n.toFixed(1).padStart(8);
  console.log(`${result.population} persons, ${result.threads} thread(s): ${fmt((result.seconds / result.steps) * 1000)} ms a step, kernels ${fmt(result.kernelMs)}`);
  console.log(`${'part'.padEnd(22)}${'ms'.padStart(8)}${'kernels'.padStart(8)}${'own'.padStart(8)}`);
  for (const row of rows) console.log(`${row.part.padEnd(22)}${fmt(row.ms)}${fmt(row.kernels)}${fmt(row.own)}`);
  if (result.threads > 1) {
    const b = result.balance;
    console.log(`in the kernels (but the pass begun ahead), ms a step: the caller ran chunks ${b.callerMs.toFixed(1)} and waited ${b.callerWaitMs.toFixed(1)}; the workers woke ${b.workerWakeMs.toFixed(1)} late, ran chunks ${b.workerMs.toFixed(1)} and idled ${b.workerIdleMs.toFixed(1)} at the ends`);
  }
}
