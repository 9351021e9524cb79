import { describe, expect, it } from 'vitest';
import { Agent, Model, type Simulation } from '../../sim/index.js';

/** A counter model: a phase log shows the order phases ran in. */
class Counter extends Model {
  log: string[] = [];
  value = 0;

  constructor(seed = 1) {
    super(seed);
    this.setPhases({
      grow: (m) => {
        m.log.push(`grow${m.steps}`);
        m.value += 2;
      },
      halve: (m) => {
        m.log.push(`halve${m.steps}`);
        m.value /= 2;
      },
    });
    this.collect({ model: { value: (m) => m.value, steps_seen: (m) => m.steps } });
  }
}

describe('Model', () => {
  it('runs phases in the order given, every step', () => {
    const model = new Counter();
    model.step();
    model.step();
    expect(model.phaseNames()).toEqual(['grow', 'halve']);
    expect(model.log).toEqual(['grow0', 'halve0', 'grow1', 'halve1']);
    expect(model.value).toBe(1.5);
  });

  it('accepts phases as a list of named phases', () => {
    const model = new Counter();
    model.setPhases([
      { name: 'halve', run: (m) => (m.value /= 2) },
      { name: 'grow', run: (m) => (m.value += 2) },
    ]);
    model.value = 4;
    model.step();
    expect(model.phaseNames()).toEqual(['halve', 'grow']);
    expect(model.value).toBe(4);
  });

  it('counts steps and runs a given number of them, then more', () => {
    const model = new Counter();
    model.run({ steps: 5 });
    expect(model.steps).toBe(5);
    model.run({ steps: 3 });
    expect(model.steps).toBe(8);
  });

  it('stops when until holds, checked before each step', () => {
    const model = new Counter();
    model.run({ steps: 100, until: (m) => m.steps === 4 });
    expect(model.steps).toBe(4);
    const after: number[] = [];
    new Counter().run({ steps: 3, onStep: (m) => after.push(m.steps) });
    expect(after).toEqual([1, 2, 3]);
  });

  it('stops without a step limit when running turns false', () => {
    const model = new Counter();
    model.setPhases({ stopAtSix: (m) => (m.running = m.steps < 5) });
    model.run();
    expect(model.steps).toBe(6);
    // Runners that only know the Simulation interface see that it has finished.
    const simulation: Simulation = model;
    expect(simulation.running).toBe(false);
  });

  it('collects the initial state and one row per step', () => {
    const model = new Counter();
    model.run({ steps: 3 });
    const rows = model.collector.toRows();
    expect(rows.map((row) => row['step'])).toEqual([0, 1, 2, 3]);
    expect(rows.map((row) => row['steps_seen'])).toEqual([0, 1, 2, 3]);
    expect(rows[1]!['value']).toBe(1);
    expect(model.summary()).toEqual({ steps: 3, ...model.collector.last() });
  });

  it('times phases only when given a clock', () => {
    const model = new Counter();
    model.step();
    expect(model.phaseTimes.size).toBe(0);
    let now = 0;
    model.profile(() => (now += 5));
    model.run({ steps: 2 });
    expect([...model.phaseTimes.keys()]).toEqual(['grow', 'halve']);
    expect(model.phaseTimes.get('grow')).toBe(10);
  });

  it('derives the same streams from the same seed', () => {
    const a = new Counter(9);
    const b = new Counter(9);
    expect(a.rng.next()).toBe(b.rng.next());
    expect(a.streams.derive('x').next()).toBe(b.streams.derive('x').next());
    expect(new Counter(10).rng.next()).not.toBe(new Counter(9).rng.next());
  });

  it('numbers agents per model, so a second model in the same process starts again from 0', () => {
    const first = new Counter();
    expect([first.nextAgentId(), first.nextAgentId(), first.nextAgentId()]).toEqual([0, 1, 2]);
    const second = new Counter();
    expect(new Agent(second.nextAgentId()).id).toBe(0);
  });
});
