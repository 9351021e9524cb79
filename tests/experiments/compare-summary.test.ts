import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePairs } from '../../cli/compare/analyse.js';
import type { PairedRuns } from '../../cli/compare/paired.js';
import { comparisonSummary } from '../../cli/compare/summary.js';
import type { ResolvedScenario } from '../../scenarios/load.js';
import { scratch } from './helpers.js';

/** A run folder written by hand: a metrics.csv and the events given as (step, type). */
function runFolder(dir: string, gini: number[], events: [number, string][]): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'metrics.csv'), 'step,gini_wealth\n' + gini.map((value, step) => `${step},${value}\n`).join(''));
  writeFileSync(join(dir, 'events.ndjson'), events.map(([step, type]) => JSON.stringify({ step, type }) + '\n').join(''));
  return dir;
}

const setup = (name: string) => ({ model: 'society', name, description: '', seed: 1, steps: 2, params: {}, file: `${name}.json` }) as ResolvedScenario;

describe('the comparison summary for writers', () => {
  it('tells how often the key events came in each setup and when they typically came first', () => {
    const root = scratch('compare-events');
    const pairs: PairedRuns = {
      a: setup('mutualism'),
      b: setup('communism'),
      seeds: [11, 12],
      dirs: {
        a: [
          runFolder(join(root, 'a1'), [0.3, 0.31, 0.32], [[5, 'secession'], [8, 'secession'], [2, 'birth']]),
          runFolder(join(root, 'a2'), [0.3, 0.33, 0.34], [[3, 'secession'], [4, 'annexation']]),
        ],
        b: [
          runFolder(join(root, 'b1'), [0.3, 0.2, 0.1], [[1, 'birth'], [6, 'birth']]),
          runFolder(join(root, 'b2'), [0.3, 0.21, 0.12], [[7, 'policy_shift'], [9, 'federation_dues']]),
        ],
      },
      failures: [],
    };
    const comparison = analysePairs(pairs);
    const secession = comparison.events.find((event) => event.type === 'secession')!;
    expect(secession).toEqual({ type: 'secession', perRunA: 1.5, perRunB: 0, firstStepA: 3, firstStepB: null });
    // Half the runs count as typical: one of two B runs had a policy shift at step 7.
    expect(comparison.events.find((event) => event.type === 'policy_shift')).toMatchObject({ perRunB: 0.5, firstStepB: 7 });
    const summary = comparisonSummary(pairs, comparison);
    expect(summary).toContain('# mutualism (A) vs communism (B)');
    expect(summary).toContain('- **secession**: 1.5 per run in A (typically first at step 3), 0 in B (not in most runs).');
    expect(summary).toContain('- **annexation**: 0.5 per run in A (typically first at step 4), 0 in B (not in most runs).');
    expect(summary).toContain('- **policy shift**: 0 per run in A (not in most runs), 0.5 in B (typically first at step 7).');
    // Routine events are listed apart from the key ones.
    expect(summary).toContain('Other events (mean per run, A → B): birth 0.5 → 1; federation dues 0 → 0.5.');
    expect(summary).toMatch(/\*\*gini_wealth\*\*: 0\.33 in A, 0\.11 in B — B is lower by 0\.22/);
  });

  it('holds the last value of a run that finished early, so bands reach the longest run’s end', () => {
    const root = scratch('compare-early');
    const pairs: PairedRuns = {
      a: setup('early'),
      b: setup('late'),
      seeds: [1, 2],
      dirs: {
        a: [runFolder(join(root, 'a1'), [0.5, 0.6], []), runFolder(join(root, 'a2'), [0.5, 0.7, 0.8, 0.9], [])],
        b: [runFolder(join(root, 'b1'), [0.5, 0.5, 0.5, 0.5], []), runFolder(join(root, 'b2'), [0.5, 0.5, 0.5, 0.5], [])],
      },
      failures: [],
    };
    const bandA = analysePairs(pairs).bands.filter((point) => point.setup === 'A');
    expect(bandA.map((point) => point.step)).toEqual([0, 1, 2, 3]);
    // At step 3 the first run, stopped at step 1, still holds 0.6; the other has 0.9.
    expect(bandA[3]!.median).toBeCloseTo(0.75, 12);
    expect(bandA[3]!.low).toBeCloseTo(0.63, 12);
  });
});
