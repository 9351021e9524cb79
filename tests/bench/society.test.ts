import { describe, expect, it } from 'vitest';
import { suite } from '../../bench/society.js';
import type { Measurement } from '../../bench/suite.js';
import { SOCIETY_PHASES } from '../../models/society/phases/index.js';
import { scaledScenario, writeAwayAsARunDoes, type Society } from '../../bench/society-child.js';
import { createSimulation } from '../../scenarios/create.js';

describe('the society benchmark', () => {
  it('measures speed, memory and the phase profile at 10k and 100k under stable keys, skipping 1M when quick', async () => {
    const measurements: Measurement[] = await suite.run({ quick: true, log: () => {} });
    const byKey = new Map(measurements.map((m) => [m.key, m]));
    expect(byKey.size).toBe(measurements.length);
    for (const key of ['society_person_steps_per_s_10k', 'society_person_steps_per_s_100k', 'society_time_per_person_step_ratio_100k_vs_10k', 'society_bytes_per_person_100k', 'society_phase_ms_produce', 'society_phase_ms_produce_100k', 'society_phase_ms_produce_10k']) {
      expect(byKey.has(key), key).toBe(true);
    }
    expect([...byKey.keys()].some((key) => key.endsWith('_1m'))).toBe(false);
    for (const m of measurements) {
      expect(m.key).toMatch(/^[a-z0-9_]+$/);
      expect(Number.isFinite(m.value), m.key).toBe(true);
      if (m.baseline) expect(byKey.has(m.baseline), `${m.key}'s baseline`).toBe(true);
      if (m.ratio) expect(byKey.has(m.ratio), `${m.key}'s ratio`).toBe(true);
    }
    // A larger society holds more memory than the process that built none.
    expect(byKey.get('society_peak_rss_mib_100k')!.value).toBeGreaterThan(byKey.get('society_baseline_peak_rss_mib')!.value);
    expect(byKey.get('society_bytes_per_person_100k')!.value).toBeGreaterThan(byKey.get('society_table_bytes_per_person_100k')!.value / 2);
    // The profile table has one row per phase of the model's step, in the step's order.
    const profiled = measurements.filter((m) => /^society_phase_ms_[a-z_]+$/.test(m.key) && !/_(10k|100k)$/.test(m.key)).map((m) => m.key);
    expect(profiled).toEqual(SOCIETY_PHASES.map((phase) => `society_phase_ms_${phase.name.replace(/-/g, '_')}`));
  }, 120_000);
});

describe("the benchmark's societies", () => {
  it('send their snapshots and events away as a run does, keeping none in memory', () => {
    const society = createSimulation(scaledScenario(2_000)) as Society;
    let logged = 0;
    society.events.onEvent(() => logged++);
    writeAwayAsARunDoes(society);
    society.run({ steps: 13 });
    expect(logged).toBeGreaterThan(0);
    expect(society.events.streaming).toBe(true);
    expect(society.events.events).toHaveLength(0);
    expect(society.collector.snapshots).toHaveLength(0);
  });
});
