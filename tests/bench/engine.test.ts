import { describe, expect, it } from 'vitest';
import { suite } from '../../bench/engine.js';

describe('the engine benchmark', () => {
  it('measures engine and plain loop at every size under stable keys', async () => {
    const measurements = await suite.run({ quick: true, log: () => {} });
    const keys = measurements.map((m) => m.key);
    for (const size of ['1k', '10k', '100k']) {
      expect(keys).toContain(`boltzmann_agent_steps_per_s_${size}`);
      expect(keys).toContain(`boltzmann_typed_array_steps_per_s_${size}`);
    }
    expect(keys).toContain('boltzmann_ratio_vs_typed_array');
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of measurements) {
      expect(m.key).toMatch(/^[a-z0-9_]+$/);
      expect(m.value).toBeGreaterThan(0);
      expect(Number.isFinite(m.value)).toBe(true);
    }
  });
});
