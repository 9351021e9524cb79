import { describe, expect, it } from 'vitest';
import { elasticities, sobolIndices } from '../../cli/sensitivity/sobol.js';
import { saltelliRows } from '../../cli/sweep/design.js';
import type { ParamTable } from '../../sim/params.js';

const ranges = { x1: { min: -Math.PI, max: Math.PI }, x2: { min: -Math.PI, max: Math.PI }, x3: { min: -Math.PI, max: Math.PI } };
const table: ParamTable = {};

/** Ishigami's function with a = 7, b = 0.1: its Sobol indices are known in closed form. */
function ishigami(point: Record<string, unknown>): number {
  const [x1, x2, x3] = ['x1', 'x2', 'x3'].map((name) => point[name] as number) as [number, number, number];
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
}

function evaluate(samples: number) {
  const rows = saltelliRows(11, samples, ranges, table);
  return {
    rows,
    outputs: {
      a: rows.map((row) => ishigami(row.a)),
      b: rows.map((row) => ishigami(row.b)),
      ab: [0, 1, 2].map((j) => rows.map((row) => ishigami(row.ab[j]!))),
    },
  };
}

describe('Sobol indices', () => {
  it('match the Ishigami function’s analytic first-order and total indices', () => {
    const { outputs } = evaluate(8192);
    const indices = sobolIndices(outputs, { resamples: 200 });
    const expectedFirst = [0.3139, 0.4424, 0];
    const expectedTotal = [0.5576, 0.4424, 0.2437];
    indices.forEach((index, j) => {
      expect(index.first.value).toBeCloseTo(expectedFirst[j]!, 1);
      expect(Math.abs(index.first.value - expectedFirst[j]!)).toBeLessThan(0.04);
      expect(Math.abs(index.total.value - expectedTotal[j]!)).toBeLessThan(0.03);
      expect(index.total.low).toBeLessThanOrEqual(index.total.value);
      expect(index.total.high).toBeGreaterThanOrEqual(index.total.value);
    });
  });

  it('give bootstrap intervals that narrow as the sample grows', () => {
    const width = (samples: number) => {
      const [first] = sobolIndices(evaluate(samples).outputs, { resamples: 200 });
      return first!.first.high - first!.first.low;
    };
    expect(width(4096)).toBeLessThan(width(256));
  });

  it('give an elasticity of 1 for a proportional output and 0 for an ignored input', () => {
    const rows = saltelliRows(3, 64, { x: { min: 1, max: 2 }, y: { min: 1, max: 2 } }, table);
    const f = (point: Record<string, unknown>) => 5 * (point.x as number);
    const outputs = { a: rows.map((r) => f(r.a)), b: rows.map((r) => f(r.b)), ab: [0, 1].map((j) => rows.map((r) => f(r.ab[j]!))) };
    const column = (matrix: 'a' | 'b', name: string) => rows.map((row) => row[matrix][name] as number);
    const [x, y] = elasticities({ outputs, a: [column('a', 'x'), column('a', 'y')], b: [column('b', 'x'), column('b', 'y')] }, { resamples: 50 });
    expect(x!.value).toBeCloseTo(1, 10);
    expect(y!.value).toBe(0);
  });
});
