import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { executeRun } from '../../../cli/execute.js';
import type { Society } from '../../../models/society/index.js';
import { createSimulation } from '../../../scenarios/create.js';
import { loadScenario } from '../../../scenarios/load.js';
import type { Simulation } from '../../../sim/index.js';
import { ThreadedRunner } from '../../../sim/node/threads.js';
import { PERSON_SUMS } from '../../../models/society/kernels/person-sums.js';
import { personSumsByCommunity } from '../../../models/society/services/person-sums.js';
import { polycentric, scratch } from '../../cli/helpers.js';

/** A small run of a built-in scenario: 3,000 persons in 30 communities, long enough for splits, votes and wars. */
function small(name: string, steps = 36) {
  const file = new URL(`../../../scenarios/${name}.json`, import.meta.url).pathname;
  return loadScenario(file, { seed: 9, steps, set: ['params.population=3000', 'params.communities=30', 'params.snapshotEvery=18'] });
}

/** The files a run folder holds that must not depend on the number of threads (the manifest has timings). */
async function filesOf(name: string, threads: number, steps?: number): Promise<Record<string, string>> {
  const out = join(scratch(), `${name}-${threads}`);
  const result = await executeRun(small(name, steps), { out, threads });
  const files: Record<string, string> = {};
  for (const file of result.files) if (file !== 'manifest.json') files[file] = readFileSync(join(out, file), 'utf8');
  return files;
}

/** A small run stepped on `threads` threads: its metrics and how its passes over persons went. */
async function stepped(name: string, threads: number, steps: number, watch?: (runner: ThreadedRunner) => void): Promise<{ csv: string; ahead: Society['personsPassAhead']; society: Society }> {
  const society = createSimulation(small(name, steps), { shared: threads > 1 }) as Simulation & Society;
  const sharding = society.sharding!;
  const runner = threads > 1 ? await ThreadedRunner.start({ threads, kernelModule: sharding.kernelModule, kernels: sharding.kernels, params: sharding.params, seed: sharding.seed }) : undefined;
  if (runner) {
    watch?.(runner);
    sharding.use(runner);
  }
  try {
    for (let step = 0; step < steps; step++) society.step();
    return { csv: society.collector.toCSV(), ahead: { ...society.personsPassAhead }, society };
  } finally {
    runner?.close();
  }
}

describe('a run split across threads', () => {
  it('begins the metrics\' pass over persons ahead on two threads, calls it off after an attack, and collects the same metrics', async () => {
    const steps = 36;
    const one = await stepped('aggression', 1, steps);
    const two = await stepped('aggression', 2, steps);
    expect(one.ahead.begun).toBe(0);
    expect(two.ahead.begun).toBe(steps);
    // Attacks destroyed goods in some months (the pass was run again then), not in all.
    expect(two.ahead.calledOff).toBeGreaterThan(0);
    expect(two.ahead.calledOff).toBeLessThan(steps);
    expect(two.csv).toBe(one.csv);
  }, 60_000);

  it('gives ecology the civic norms and head counts the pass begun ahead summed, equal to the people.sums kernel\'s', async () => {
    const society = createSimulation(small('default', 12), { shared: true }) as Simulation & Society;
    const sharding = society.sharding!;
    const runner = await ThreadedRunner.start({ threads: 2, kernelModule: sharding.kernelModule, kernels: sharding.kernels, params: sharding.params, seed: sharding.seed });
    sharding.use(runner);
    try {
      for (let step = 0; step < 12; step++) society.step();
      const count = society.communities.length;
      const fromPass = Array.from(runner.array('people.sumsOut', Float64Array, count * PERSON_SUMS.stride).subarray(0, count * PERSON_SUMS.stride));
      // Ecology took them from the pass: it sums no goods.
      expect(fromPass.filter((_, i) => i % PERSON_SUMS.stride === PERSON_SUMS.goods).every(Number.isNaN)).toBe(true);
      const fromKernel = Array.from(personSumsByCommunity(society).subarray(0, count * PERSON_SUMS.stride));
      for (const field of [PERSON_SUMS.norms, PERSON_SUMS.heads]) {
        const pick = (sums: number[]) => sums.filter((_, i) => i % PERSON_SUMS.stride === field);
        expect(pick(fromPass)).toEqual(pick(fromKernel));
      }
      expect(fromKernel.some((value, i) => i % PERSON_SUMS.stride === PERSON_SUMS.norms && value > 0)).toBe(true);
    } finally {
      runner.close();
    }
  }, 60_000);

  it('spreads innovations on a thread of its own (the diffusion side task), waiting in the phase for months that grant licences', async () => {
    const steps = 36;
    const one = await stepped('ip-regime', 1, steps);
    let sides: ReturnType<typeof vi.spyOn> | undefined;
    const two = await stepped('ip-regime', 2, steps, (runner) => (sides = vi.spyOn(runner, 'side')));
    expect(sides!.mock.calls).toEqual([['diffusion']]);
    expect(two.csv).toBe(one.csv);
    const licences = one.society.collector.column('licences');
    expect(licences.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(one.society.collector.column('adoptions').reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, 60_000);

  for (const name of ['default', 'aggression', 'communism', 'state', 'ip-regime']) {
    it(`writes byte-identical files on 1, 2 and 3 threads (${name})`, async () => {
      const one = await filesOf(name, 1);
      expect(Object.keys(one)).toContain('metrics.csv');
      expect(one['metrics.csv']!.split('\n').length).toBeGreaterThan(36);
      expect(one['events.ndjson']!.length).toBeGreaterThan(0);
      const two = await filesOf(name, 2);
      expect(two).toEqual(one);
      const three = await filesOf(name, 3);
      expect(three).toEqual(one);
    }, 60_000);
  }

  it('writes byte-identical files on 1 and 2 threads beyond one block of the Ginis\' bins (70,000 persons)', async () => {
    const file = new URL('../../../scenarios/default.json', import.meta.url).pathname;
    // Month 1's Ginis binned (two blocks of each distribution, shared by the threads), month 2's exact (three sorts, shared by the threads).
    const big = loadScenario(file, { seed: 9, steps: 2, set: ['params.population=70000', 'params.communities=700', 'params.snapshotEvery=2', 'params.giniEvery=2'] });
    const runs: string[][] = [];
    for (const threads of [1, 2]) {
      const out = join(scratch(), `big-${threads}`);
      const result = await executeRun(big, { out, threads });
      runs.push(result.files.filter((name) => name !== 'manifest.json').map((name) => readFileSync(join(out, name), 'utf8')));
    }
    expect(runs[0]!.length).toBeGreaterThanOrEqual(4); // metrics, events, two snapshots
    expect(runs[1]).toEqual(runs[0]);
  }, 120_000);

  it('says in the manifest how many threads ran it, and how long each phase spent in kernels', async () => {
    for (const threads of [1, 2]) {
      const out = join(scratch(), `manifest-${threads}`);
      await executeRun(small('default', 3), { out, threads });
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { threads: number; phaseSeconds: Record<string, number>; kernelSeconds: Record<string, number> };
      expect(manifest.threads).toBe(threads);
      // Kernels' time by the phase that ran them (the collection's after the phases); none in a phase without kernels.
      expect(Object.keys(manifest.kernelSeconds)).toEqual(expect.arrayContaining(['produce', 'distribute', 'consume', 'collection']));
      expect(Object.keys(manifest.kernelSeconds)).not.toContain('migration');
      for (const [phase, seconds] of Object.entries(manifest.kernelSeconds)) {
        if (phase === 'collection') continue;
        expect(manifest.phaseSeconds[phase]).toBeDefined();
        expect(seconds).toBeLessThanOrEqual(manifest.phaseSeconds[phase]! * 1.001 + 1e-4); // within the phase's own time (to rounding)
      }
    }
  }, 30_000);

  it('refuses --threads for a model that cannot split (exit 2) and a count that makes no sense', () => {
    const out = join(scratch(), 'refused');
    const boltzmann = polycentric(['run', 'scenarios/boltzmann.json', '--steps', '2', '--threads', '2', '--out', out]);
    expect(boltzmann.code).toBe(2);
    expect(boltzmann.stderr).toMatch(/threads/);
    const zero = polycentric(['run', 'scenarios/default.json', '--steps', '2', '--threads', '0', '--out', out]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/--threads.*whole number from 1 to 64/s);
  }, 30_000);
});
