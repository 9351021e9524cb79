import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../scenarios/errors.js';
import type { ResolvedSweep } from '../../scenarios/sweep-schema.js';
import { canonicalJson } from './identity.js';

/** The resolved sweep, stored in its folder so merge, resume and sensitivity need nothing else. */
export const SWEEP_FILE = 'sweep.json';
/** Timings, workers and shard of the last session on a sweep folder (the only file with timings). */
export const MANIFEST_FILE = 'manifest.json';

/** Which part of a sharded sweep a process runs: shard `index` (from 0) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `--shard i/N` (i from 0 to N−1). */
export function parseShard(text: string, file: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : Number.NaN;
  const count = match ? Number(match[2]) : Number.NaN;
  if (!match || count < 1 || index >= count) throw new InputError(file, '--shard', 'i/N with 0 ≤ i < N, e.g. 0/4', JSON.stringify(text));
  return { index, count };
}

/** The sweep stored in a folder; a folder without one is bad input. */
export function readStoredSweep(sweepDir: string): ResolvedSweep {
  const file = join(sweepDir, SWEEP_FILE);
  if (!existsSync(file)) throw new InputError(sweepDir, SWEEP_FILE, 'a sweep folder (written by polycentric sweep)', 'no sweep.json');
  return JSON.parse(readFileSync(file, 'utf8')) as ResolvedSweep;
}

/** The stored sweep's text (key order kept: the order of a design's parameters is the order of its grid and of runs.csv's columns). */
export function sweepText(sweep: ResolvedSweep): string {
  return JSON.stringify(sweep, null, 2) + '\n';
}

/** Whether two sweeps plan the same runs (where their files were read from does not matter). */
export function sameSweep(a: ResolvedSweep, b: ResolvedSweep): boolean {
  // Order-sensitive on purpose: the same parameters listed in another order make another design order.
  const essence = (sweep: ResolvedSweep) => JSON.stringify({ ...sweep, file: '', base: { ...sweep.base, file: '' } });
  return essence(a) === essence(b);
}

/**
 * Makes the sweep folder ready. A fresh start needs a missing or empty folder; `resume` needs the
 * same sweep (and shard) already there, and clears what an interrupted session left half-written.
 */
export function prepareSweepFolder(sweepDir: string, sweep: ResolvedSweep, shard: Shard | undefined, resume: boolean): void {
  const storedPath = join(sweepDir, SWEEP_FILE);
  if (resume && existsSync(storedPath)) {
    if (!sameSweep(readStoredSweep(sweepDir), sweep)) {
      throw new InputError(sweep.file, '--resume', `the sweep stored in ${storedPath}`, 'a different sweep (change --out, or restore the file)');
    }
    checkSameShard(sweepDir, shard, sweep.file);
    removePartials(join(sweepDir, 'runs'));
    return;
  }
  if (existsSync(sweepDir) && readdirSync(sweepDir).length > 0) {
    const hint = existsSync(storedPath) ? 'add --resume to finish it, or choose another --out' : 'choose another --out';
    throw new InputError(sweep.file, '--out', `a new or empty folder (${hint})`, `${sweepDir}, which is not empty`);
  }
  mkdirSync(join(sweepDir, 'runs'), { recursive: true });
  writeFileAtomically(storedPath, sweepText(sweep));
  writeManifest(sweepDir, { shard: shard ?? null, state: 'running' });
}

function checkSameShard(sweepDir: string, shard: Shard | undefined, file: string): void {
  const manifestPath = join(sweepDir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return;
  const stored = (JSON.parse(readFileSync(manifestPath, 'utf8')) as { shard?: Shard | null }).shard ?? null;
  if (canonicalJson(stored) !== canonicalJson(shard ?? null)) {
    const describe = (s: Shard | null) => (s ? `${s.index}/${s.count}` : 'no shard');
    throw new InputError(file, '--shard', `${describe(stored)}, as the folder was started with`, describe(shard ?? null));
  }
}

/** Removes temporary folders of runs stopped while writing (by a stop, a kill or a worker that died). */
export function removePartials(runsDir: string): void {
  if (!existsSync(runsDir)) return;
  for (const name of readdirSync(runsDir)) if (name.includes('.partial-')) rmSync(join(runsDir, name), { recursive: true, force: true });
}

/** Writes the sweep's manifest (timings live here and nowhere else). */
export function writeManifest(sweepDir: string, content: Record<string, unknown>): void {
  writeFileAtomically(join(sweepDir, MANIFEST_FILE), JSON.stringify(content, null, 2) + '\n');
}

/** Writes a file through a temporary name and a rename. */
export function writeFileAtomically(path: string, text: string): void {
  writeFileSync(`${path}.partial`, text);
  renameSync(`${path}.partial`, path);
}
