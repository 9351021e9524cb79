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

  it('lets a model fill in a value it knew only later, before any read of the rows', () => {
    const collector = new DataCollector<Toy>({ model: { level: (m) => m.level, late: () => Number.NaN } });
    const toy: Toy = { level: 1, wealth: [] };
    collector.collect(toy, 0);
    collector.collect(toy, 1);
    const owed: [number, number][] = [[0, 7], [1, 8]];
    let reads = 0;
    collector.beforeRead(() => {
      reads++;
      for (const [row, value] of owed.splice(0)) collector.amend(row, 'late', value);
    });
    expect(collector.toCSV()).toBe('step,level,late\n0,1,7\n1,1,8\n');
    owed.push([1, 9]);
    expect(collector.last()).toEqual({ level: 1, late: 9 });
    owed.push([0, 6]);
    expect(collector.column('late')).toEqual(Float64Array.from([6, 9]));
    owed.push([0, 5]);
    expect(collector.toRows()[0]).toEqual({ step: 0, level: 1, late: 5 });
    expect(reads).toBe(4);
    expect(() => collector.amend(2, 'late', 1)).toThrow(/no row 2 to amend \(2 collected\)/);
    expect(() => collector.amend(0, 'missing', 1)).toThrow(/no column named missing/);
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

  it('writes exactly the text of String(Number(value.toPrecision(10))) for every finite non-integer', () => {
    // The formatter skips the parse and second conversion where it can; this is the definition it must keep.
    const reference = (value: number) => String(Number(value.toPrecision(10)));
    const edges = [
      1e-6, -1e-6, 9.9999999999e-7, 9.99999999949e-7, 1.00000000049e-6, 0.99999999999, 0.999999999949, 9999999999.4, 9999999999.5, -9999999999.7,
      1e10 - 1e-3, 1e10 + 0.5, 1e21 + 0.5, 123.4500000001, 0.1, 0.2 + 0.1, 5e-324, 2.5e-12, 1.7976931348623157e308, -0.5, 1 / 3,
    ];
    const values: number[] = edges.filter((value) => !Number.isInteger(value));
    let state = 12345;
    const uniform = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 50_000; i++) {
      const scale = 10 ** (Math.floor(uniform() * 30) - 12);
      values.push((uniform() - 0.4) * scale);
      values.push(Math.round(uniform() * 1e6) / 10 ** Math.floor(uniform() * 8)); // short decimals with trailing zeros
    }
    const wrong = values.filter((value) => !Number.isInteger(value) && formatNumber(value) !== reference(value));
    expect(wrong.map((value) => [value, formatNumber(value), reference(value)])).toEqual([]);
  });

  it('writes NaN as empty and infinities as Inf', () => {
    expect(formatNumber(Number.NaN)).toBe('');
    expect(formatNumber(Infinity)).toBe('Inf');
    expect(formatNumber(-Infinity)).toBe('-Inf');
  });

  it('writes agents in the order agentOrder gives, whatever order their columns hold them in', () => {
    const model = { ids: Int32Array.from([7, 3, 5]), wealth: Float64Array.from([70, 30, 50]) };
    const collector = new DataCollector<typeof model>({
      model: {},
      agents: (m) => ({ id: m.ids, wealth: m.wealth }),
      agentOrder: (m) => Int32Array.from([...m.ids.keys()].sort((a, b) => m.ids[a]! - m.ids[b]!)),
      agentEvery: 1,
    });
    collector.collect(model, 0);
    const [snapshot] = collector.snapshots;
    expect(Array.from(snapshot!.columns.id!)).toEqual([3, 5, 7]);
    expect(Array.from(snapshot!.columns.wealth!)).toEqual([30, 50, 70]);
    model.wealth[0] = -1; // a copy, not a view
    expect(snapshot!.columns.wealth![2]).toBe(70);
  });
});
