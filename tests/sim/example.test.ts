import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// ---- the example in docs/engine.md, from here ----
import { Model, Table, mean } from '../../sim/index.js';

/** Foragers find food at random and burn a little more than they find, on average; the hungry die. */
class Foragers extends Model {
  readonly people = new Table({ energy: Float64Array });

  constructor(seed: number, count = 100) {
    super(seed);
    for (let i = 0; i < count; i++) this.people.add({ energy: 5 });
    this.setPhases({
      forage: (m) => {
        const energy = m.people.cols.energy; // fetch the column once per phase
        for (let row = 0; row < m.people.length; row++) energy[row]! += m.rng.exponential(1) - 1.1;
      },
      starve: (m) =>
        m.people.forEach((row, id) => {
          if (m.people.cols.energy[row]! >= 0) return;
          m.people.remove(id); // safe inside forEach
          m.events.log(m.steps, 'death', { id });
        }),
    });
    this.collect({
      model: { population: (m) => m.people.length, mean_energy: (m) => mean(m.people.cols.energy, m.people.length) },
    });
  }
}

const model = new Foragers(42).run({ steps: 50 });
// ---- to here ----

describe('the engine example', () => {
  it('runs: the population falls, one death event per lost forager', () => {
    expect(model.steps).toBe(50);
    const population = model.collector.column('population');
    expect(population[0]).toBe(100);
    expect(population[50]).toBeLessThan(100);
    expect(model.events.count('death')).toBe(100 - population[50]!);
    expect(model.people.column('energy').every((energy) => energy >= 0)).toBe(true);
  });

  it('is reproducible: the same seed writes the same CSV and events', () => {
    const again = new Foragers(42).run({ steps: 50 });
    expect(again.collector.toCSV()).toBe(model.collector.toCSV());
    expect(again.events.toNDJSON()).toBe(model.events.toNDJSON());
    expect(new Foragers(43).run({ steps: 50 }).collector.toCSV()).not.toBe(model.collector.toCSV());
  });

  it('is the example printed in docs/engine.md', () => {
    const source = readFileSync(new URL(import.meta.url), 'utf8');
    const example = source.split('// ---- the example in docs/engine.md, from here ----\n')[1]!.split('// ---- to here ----')[0]!;
    const docs = readFileSync(new URL('../../docs/engine.md', import.meta.url), 'utf8');
    const printed = docs.split('<!-- example: tests/sim/example.test.ts -->\n```ts\n')[1]?.split('```')[0];
    expect(printed).toBe(example);
  });
});
