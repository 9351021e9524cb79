import { describe, expect, it } from 'vitest';
import { bandMiddles, steadyDomain, thinnedIndices } from '../../viz/src/charts.js';
import { availableLessons, LESSONS, lessonScenario } from '../../viz/src/lessons.js';
import { defaultMetrics, metricTitle } from '../../viz/src/metric-names.js';
import { SCENARIO_TEXTS, scenarioEntries } from '../../viz/src/scenarios.js';
import { paceFor } from '../../viz/src/speed.js';

describe('the scenario picker', () => {
  it('lists the built-in scenarios, default first, and leaves out the schema', () => {
    const entries = scenarioEntries();
    expect(entries[0]!.file).toBe('scenarios/default.json');
    expect(entries.map((e) => e.file)).toContain('scenarios/boltzmann.json');
    expect(entries.map((e) => e.file)).not.toContain('scenarios/schema.json');
    expect(Object.keys(SCENARIO_TEXTS)).toContain('scenarios/schelling.json');
  });

  it('skips text that is not a scenario', () => {
    expect(scenarioEntries({ 'scenarios/a.json': '{', 'scenarios/b.json': '{"x":1}', 'scenarios/c.json': '{"model":"m","name":"C"}' }).map((e) => e.name)).toEqual(['C']);
  });
});

describe('lessons', () => {
  it('each open a built-in scenario and name a parameter of its model', async () => {
    const { MODELS } = await import('../../models/index.js');
    const entries = scenarioEntries();
    expect(availableLessons(entries).length).toBe(LESSONS.length);
    for (const lesson of LESSONS) {
      const file = lessonScenario(lesson, entries)!;
      const text = JSON.parse(SCENARIO_TEXTS[file]!) as { model?: string; extends?: string };
      const model = text.model ?? 'society';
      expect(Object.keys(MODELS[model]!.params), lesson.id).toContain(lesson.setting);
    }
  });

  it('are not offered when their scenario is missing', () => {
    expect(availableLessons([])).toEqual([]);
  });
});

describe('chart helpers', () => {
  it('thin long series to a few hundred points, always keeping the last', () => {
    expect(thinnedIndices(5, 300)).toEqual([0, 1, 2, 3, 4]);
    const long = thinnedIndices(601, 300);
    expect(long.length).toBeLessThanOrEqual(302);
    expect(long.at(-1)).toBe(600);
    expect(thinnedIndices(0)).toEqual([]);
  });

  it('give a readable domain to a series that does not move', () => {
    expect(steadyDomain([1000, 1000, 1000])).toEqual([900, 1100]);
    expect(steadyDomain([0, 0])).toEqual([-0.001, 0.001]);
    expect(steadyDomain([0, 1])).toBeUndefined();
  });

  it('find the middle of each band of a stack', () => {
    expect(bandMiddles([{ name: 'a', share: 0.5 }, { name: 'b', share: 0.2 }, { name: 'c', share: 0.3 }]).map((b) => b.middle)).toEqual([0.25, 0.6, 0.85]);
  });

  it('name metrics plainly and chart the headline ones first', () => {
    expect(metricTitle('gini_wealth')).toBe('Wealth inequality (Gini)');
    expect(metricTitle('unhappy_share')).toBe('Unhappy share');
    expect(defaultMetrics(['step', 'population', 'gini_wealth', 'x'])).toEqual(['gini_wealth', 'population', 'x']);
  });
});

describe('speed', () => {
  it('pauses on the slow half and runs more steps per frame on the fast half', () => {
    expect(paceFor(0)).toEqual({ delayMs: 500, stepsPerBatch: 1 });
    expect(paceFor(50)).toEqual({ delayMs: 0, stepsPerBatch: 1 });
    expect(paceFor(100)).toEqual({ delayMs: 0, stepsPerBatch: 64 });
    expect(paceFor(75).stepsPerBatch).toBe(8);
  });
});
