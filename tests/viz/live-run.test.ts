import { describe, expect, it } from 'vitest';
import { Model } from '../../sim/model.js';
import { boltzmannModel } from '../../models/classic/boltzmann.js';
import { schellingModel } from '../../models/classic/schelling.js';
import { unpackColumns } from '../../viz/src/frames.js';
import { LiveRun } from '../../viz/src/live-run.js';

/** A clock that advances a fixed time per reading, so timings are exact in tests. */
function tickingClock(msPerReading: number) {
  let now = 0;
  return () => (now += msPerReading);
}

/** A tiny model that logs an event every third step. */
class Counter extends Model {
  value = 0;
  constructor() {
    super(1);
    this.setPhases({ count: (m: Counter) => {
      m.value++;
      if (m.value % 3 === 0) m.events.log(m.steps + 1, 'third', { value: m.value });
    } });
    this.collect({ model: { value: (m) => m.value } });
  }
}

describe('live run frames', () => {
  it('carries each metric row and event exactly once across frames', () => {
    const run = new LiveRun(new Counter(), 10, tickingClock(1));
    const rows: number[] = [];
    const events: unknown[] = [];
    const take = () => {
      const frame = run.frame(true);
      const columns = unpackColumns(frame.packed);
      rows.push(...Array.from(columns['metric.value']!));
      events.push(...frame.events);
      return frame;
    };
    take();
    run.advance(4);
    take();
    run.advance(100);
    const last = take();
    expect(rows).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(events).toHaveLength(3);
    expect(last.step).toBe(10);
    expect(run.done).toBe(true);
  });

  it('ends when the model stops by itself, before the run length', () => {
    const sim = new Counter();
    sim.setPhases({ stopAtFive: (m: Counter) => { if (++m.value >= 5) m.running = false; } });
    const run = new LiveRun(sim, 100, tickingClock(1));
    expect(run.advance(50)).toBe(5);
    expect(run.done).toBe(true);
  });

  it('stops a batch when its time budget is spent', () => {
    // Each clock reading is 10 ms later: after the third step 30 ms have passed, past the 25 ms budget.
    const run = new LiveRun(new Counter(), 100, tickingClock(10));
    expect(run.advance(50, 25)).toBe(3);
    expect(run.stepsPerSecond).toBeGreaterThan(0);
  });

  it('sends the wealth distribution of a model with a wealth column', () => {
    const sim = boltzmannModel.create({ agents: 200 }, 3);
    const run = new LiveRun(sim, 50, tickingClock(1));
    run.advance(50);
    const columns = unpackColumns(run.frame(false).packed);
    expect(columns['lorenz.x']!.length).toBe(51);
    expect(Array.from(columns['hist.counts']!).reduce((a, b) => a + b, 0)).toBe(200);
    expect(columns['lorenz.gini']![0]).toBeCloseTo(sim.collector.last().gini_wealth!, 10);
  });

  it('sends the cells of a grid model', () => {
    const sim = schellingModel.create({ width: 12, height: 10 }, 1);
    const columns = unpackColumns(new LiveRun(sim, 5, tickingClock(1)).frame(false).packed);
    const cells = columns['grid.cells']!;
    expect(cells.length).toBe(120);
    expect(new Set(cells)).toEqual(new Set([-1, 0, 1]));
  });
});
