import { describe, expect, it } from 'vitest';
import { suite } from '../../bench/threads.js';

describe('bench: threads', () => {
  it('measures one and two threads at a small size under stable keys, with the speed-up as their ratio', async () => {
    const measurements = await suite.run({ quick: true, log: () => {} });
    const byKey = new Map(measurements.map((m) => [m.key, m]));
    const one = byKey.get('society_threads_1_person_steps_per_s_10k')!;
    const two = byKey.get('society_threads_2_person_steps_per_s_10k')!;
    expect(one.value).toBeGreaterThan(0);
    expect(two.value).toBeGreaterThan(0);
    expect(byKey.get('society_threads_speedup_2_10k')!.value).toBeCloseTo(two.value / one.value, 2);
    expect(two.ratio).toBe('society_threads_speedup_2_10k');
  }, 120_000);
});
