import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../cli/compare/compare.js';
import { loadScenario } from '../../scenarios/load.js';
import { scratch } from './helpers.js';

const BOLTZMANN = new URL('../../scenarios/boltzmann.json', import.meta.url).pathname;

function setup(root: string, name: string, params: Record<string, unknown>) {
  const file = join(root, `${name}.json`);
  writeFileSync(file, JSON.stringify({ extends: BOLTZMANN, name, steps: 20, params: { agents: 100, exchange: 'continuous', ...params } }));
  return loadScenario(file);
}

describe('polycentric compare', () => {
  it('runs A and B on the same seeds, so a setup compared with itself differs by exactly nothing', async () => {
    const root = scratch('compare-self');
    const a = setup(root, 'same', {});
    const result = await compareScenarios(a, a, { replicates: 3, out: join(root, 'out'), workers: 2 });
    const rows = readFileSync(join(result.dir, 'comparison.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [, , , , , , , difference, low, high] = row.split(',');
      expect([difference, low, high].map(Number)).toEqual([0, 0, 0]);
    }
    expect(result.pairs.seeds).toHaveLength(3);
    expect(new Set(result.pairs.seeds).size).toBe(3);
    // Written beside the target and renamed into place: nothing else is left in the parent folder.
    expect(readdirSync(root).sort()).toEqual(['out', 'same.json']);
    for (const dir of [...result.pairs.dirs.a, ...result.pairs.dirs.b]) expect(existsSync(join(dir, 'metrics.csv'))).toBe(true);
  });

  it('finds that saving lowers the Gini, and writes a self-contained report and a plain summary', async () => {
    const root = scratch('compare-saving');
    const a = setup(root, 'spend', {});
    const b = setup(root, 'save', { savingShare: 0.7 });
    const result = await compareScenarios(a, b, { replicates: 4, out: join(root, 'out'), workers: 2 });
    const gini = readFileSync(join(result.dir, 'comparison.csv'), 'utf8').split('\n').find((line) => line.startsWith('gini_wealth,'))!.split(',');
    expect(Number(gini[9])).toBeLessThan(0); // the upper end of B − A's interval
    const summary = readFileSync(join(result.dir, 'summary.md'), 'utf8');
    expect(summary).toContain('Each setup ran 4 times, 20 steps each, with the same 4 seeds');
    expect(summary).toMatch(/\*\*gini_wealth\*\*: [\d.]+ in A, [\d.]+ in B — B is lower by/);
    const html = readFileSync(join(result.dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
    expect(html).toContain('Plot.plot(');
    expect(html).toContain('#E69F00');
    expect(html).toContain('4 paired seeds');
  });
});
