import { describe, expect, it } from 'vitest';
import { DataCollector, formatNumber } from '../../sim/index.js';

interface Toy {
  level: number;
  wealth: number[];
}

describe('DataCollector', () => {
  it('writes a CSV with a step column, a header and one row per collection', () => {
    const collector = new DataCollector<Toy>({ model: { level: (m) => m.level, double: (m) => 2 * m.level } });
    const toy: Toy = { level: 1, wealth: [] };
    collector.collect(toy, 0);
    toy.level = 2.5;
    collector.collect(toy, 1);
    expect(collector.toCSV()).toBe('step,level,double\n0,1,2\n1,2.5,5\n');
    expect(collector.csvHeader()).toBe('step,level,double\n');
    expect(collector.csvRows(1)).toBe('1,2.5,5\n');
    expect(collector.rows).toBe(2);
  });

  it('grows past its first allocation without losing rows', () => {
    const collector = new DataCollector<{ t: number }>({ model: { t: (m) => m.t * m.t } });
    for (let t = 0; t < 500; t++) collector.collect({ t }, t);
    expect(collector.rows).toBe(500);
    expect(collector.column('t')[499]).toBe(499 * 499);
    expect(collector.column('step')[250]).toBe(250);
    expect(collector.last()).toEqual({ t: 499 * 499 });
    expect(() => collector.column('missing')).toThrow(/missing/);
  });

  it('takes agent snapshots every k steps only', () => {
    const collector = new DataCollector<Toy>({
      model: { level: (m) => m.level },
      agents: (m) => ({ wealth: m.wealth }),
      agentEvery: 3,
    });
    for (let step = 0; step <= 7; step++) collector.collect({ level: step, wealth: [step, step + 1] }, step);
    expect(collector.snapshots.map((s) => s.step)).toEqual([0, 3, 6]);
    expect(Array.from(collector.snapshots[1]!.columns['wealth']!)).toEqual([3, 4]);
    const never = new DataCollector<Toy>({ model: {}, agents: (m) => ({ wealth: m.wealth }) });
    never.collect({ level: 0, wealth: [1] }, 0);
    expect(never.snapshots).toHaveLength(0);
  });
});

describe('formatNumber', () => {
  it('writes integers as they are and others to 10 significant digits', () => {
    expect(formatNumber(42)).toBe('42');
    expect(formatNumber(-3)).toBe('-3');
    expect(formatNumber(1 / 3)).toBe('0.3333333333');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(123456.7890123)).toBe('123456.789');
    expect(formatNumber(2.5e-12)).toBe('2.5e-12');
  });

  it('writes NaN as empty and infinities as Inf', () => {
    expect(formatNumber(Number.NaN)).toBe('');
    expect(formatNumber(Infinity)).toBe('Inf');
    expect(formatNumber(-Infinity)).toBe('-Inf');
  });
});
