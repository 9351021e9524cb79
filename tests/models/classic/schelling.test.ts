import { describe, expect, it } from 'vitest';
import { schellingModel, SchellingModel } from '../../../models/classic/schelling.js';
import { paramsSchema, resolveParams } from '../../../sim/index.js';

describe('Schelling segregation model', () => {
  it('places density × cells households, each on its own cell', () => {
    const model = new SchellingModel({ width: 20, height: 10, density: 0.5 }, 1);
    expect(model.households.length).toBe(100);
    expect(model.grid.emptyCellCount).toBe(100);
    const cells = new Set<number>();
    model.households.forEach((row, id) => {
      cells.add(model.grid.cellOf(id));
      expect(model.groupAt[model.grid.cellOf(id)]).toBe(model.households.cols.group[row]);
    });
    expect(cells.size).toBe(100);
  });

  it('segregates well above its random start', () => {
    const model = new SchellingModel({ width: 40, height: 40 }, 3);
    const start = model.segregation;
    // A random mix with a 30% minority has about 0.7² + 0.3² = 0.58 like neighbours.
    expect(start).toBeGreaterThan(0.53);
    expect(start).toBeLessThan(0.63);
    model.run({ steps: 100 });
    expect(model.segregation).toBeGreaterThan(start + 0.15);
    expect(model.collector.column('unhappy_share')[0]).toBeGreaterThan(0.1);
  });

  it('stops by itself once everyone is content, else at the step limit', () => {
    // A few households can stay discontent for ever (no empty cell suits them), so some seeds
    // run to the limit; the rule is that a run ends early exactly when no one is discontent.
    let stoppedEarly = 0;
    for (const seed of [1, 2, 3]) {
      const model = new SchellingModel({ width: 30, height: 30 }, seed);
      model.run({ steps: 300 });
      if (model.steps < 300) {
        stoppedEarly++;
        expect(model.running).toBe(false);
        expect(model.unhappyShare).toBe(0);
      } else expect(model.unhappyShare).toBeGreaterThan(0);
      expect(model.collector.column('moves')[1]).toBeGreaterThan(0);
    }
    expect(stoppedEarly).toBeGreaterThan(0);
  });

  it('keeps every household on the grid through the moves', () => {
    const model = new SchellingModel({ width: 25, height: 25, density: 0.9 }, 4);
    model.run({ steps: 20 });
    const occupied = Array.from(model.groupAt).filter((group) => group >= 0).length;
    expect(occupied).toBe(model.households.length);
    expect(model.grid.emptyCellCount).toBe(model.grid.size - model.households.length);
  });

  it('writes byte-identical CSV for the same seed', () => {
    const csv = (seed: number) => {
      const model = schellingModel.create({ width: 30, height: 30, threshold: 0.5 }, seed);
      for (let s = 0; s < 15; s++) model.step();
      return model.collector.toCSV();
    };
    expect(csv(9)).toBe(csv(9));
    expect(csv(9)).not.toBe(csv(10));
    expect(csv(9).split('\n')[0]).toBe('step,segregation,unhappy_share,moves');
  });

  it('declares every parameter with a default inside its range', () => {
    const schema = paramsSchema(schellingModel.params);
    expect(schema.safeParse(resolveParams(schellingModel.params)).success).toBe(true);
    expect(schema.safeParse({ density: 1.5 }).success).toBe(false);
    expect(schema.safeParse({ width: 10.5 }).success).toBe(false);
  });
});
