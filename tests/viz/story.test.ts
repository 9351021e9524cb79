import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/events.js';
import type { MetricsTable } from '../../viz/src/run-folder.js';
import { formatValue, keyMoments, largestJump } from '../../viz/src/story.js';
import { summariseRun } from '../../viz/src/summary.js';

function table(columns: Record<string, number[]>): MetricsTable {
  const names = Object.keys(columns);
  return { names, rows: columns.step!.length, columns: Object.fromEntries(names.map((name) => [name, Float64Array.from(columns[name]!)])) };
}

const society = table({
  step: [0, 1, 2, 3, 4, 5],
  population: [100, 102, 104, 90, 91, 92],
  communities: [10, 10, 11, 12, 12, 12],
  gini_wealth: [0.2, 0.21, 0.22, 0.35, 0.34, 0.33],
  sharing_mean: [0.5, 0.5, 0.52, 0.55, 0.6, 0.6],
});
const events: SimEvent[] = [
  { step: 2, type: 'split', community: 3 },
  { step: 4, type: 'annexation', community: 5, population: 40 },
  { step: 4, type: 'secession', community: 6 },
  { step: 5, type: 'annexation', community: 7, population: 400 },
  { step: 5, type: 'split', community: 8 },
];

describe('key moments', () => {
  it('finds the largest jump of a metric and its step', () => {
    expect(largestJump(society, 'gini_wealth')).toEqual({ step: 3, change: expect.closeTo(0.13, 10) });
  });

  it('chooses the headline jump, the first secession and the largest annexation, in step order', () => {
    expect(keyMoments(society, events)).toEqual([
      { step: 3, metric: 'gini_wealth', label: 'gini_wealth jumps by 0.13' },
      { step: 4, label: 'first secession' },
      { step: 5, label: 'largest annexation' },
    ]);
  });

  it('fills gaps with the first split and the population’s largest jump, never two on one step', () => {
    const moments = keyMoments(society, [{ step: 2, type: 'split' }]);
    expect(moments.map((m) => m.step)).toEqual([2, 3]);
    expect(moments.map((m) => m.label)).toEqual(['first split', 'gini_wealth jumps by 0.13']);
  });

  it('gives none for a run where nothing changes and nothing happens', () => {
    expect(keyMoments(table({ step: [0, 1], x: [1, 1] }), [])).toEqual([]);
  });
});

describe('summary', () => {
  const facts = { name: 'default', model: 'society', seed: 7 };

  it('tells the run in sentences from its metrics and events', () => {
    expect(summariseRun(facts, society, events)).toEqual([
      'default (society model, seed 7) ran for 5 steps.',
      'The population went from 100 to 92.',
      'There were 10 communities at the start and 12 at the end.',
      'Wealth inequality (the Gini coefficient) rose, from 0.20 to 0.33.',
      'Average sharing rose, from 0.50 to 0.60 (0 = keep what you make, 1 = share everything).',
      'Events: 2 annexation (first at step 4), 2 split (first at step 2), 1 secession (first at step 4).',
    ]);
  });

  it('is the same text every time for the same run', () => {
    expect(summariseRun(facts, society, events)).toEqual(summariseRun(facts, society, [...events]));
  });

  it('speaks about any model through its first metric', () => {
    const lines = summariseRun({ name: 'schelling', model: 'schelling', seed: 1 }, table({ step: [0, 10], segregation: [0.5, 0.8] }), []);
    expect(lines).toEqual(['schelling (schelling model, seed 1) ran for 10 steps.', 'Segregation went from 0.50 to 0.80.', 'No events were recorded.']);
  });

  it('formats numbers for reading', () => {
    expect([formatValue(12345.6), formatValue(10000), formatValue(12.345), formatValue(0.12345)]).toEqual(['12,346', '10,000', '12.3', '0.12']);
  });
});
