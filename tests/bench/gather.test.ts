import { describe, expect, it } from 'vitest';
import { suite } from '../../bench/gather.js';
import type { Measurement } from '../../bench/suite.js';

describe('the gathering benchmark', () => {
  it('times a gathered and a never-gathered society under stable keys, the ratio their quotient', async () => {
    const lines: string[] = [];
    const measurements = (await suite.run({ quick: true, log: (line) => lines.push(line) })) as Measurement[];
    const byKey = new Map(measurements.map((m) => [m.key, m.value]));
    expect([...byKey.keys()]).toEqual(['society_step_ms_gathered_2k', 'society_step_ms_scattered_2k', 'society_gathering_speedup_2k']);
    const gathered = byKey.get('society_step_ms_gathered_2k')!;
    const scattered = byKey.get('society_step_ms_scattered_2k')!;
    expect(gathered).toBeGreaterThan(0);
    expect(byKey.get('society_gathering_speedup_2k')).toBeCloseTo(scattered / gathered, 1);
    expect(lines[0]).toMatch(/N=2000, months 13–18/);
  });
});
