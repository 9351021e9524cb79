import { describe, expect, it } from 'vitest';
import type { ShardRunner, SideTask } from '../../../../sim/index.js';
import { DiffusionHandler, type DiffusionMonth } from '../../../../models/society/knowledge/diffusion-task.js';
import { innovationIn } from '../../../../models/society/knowledge/innovation.js';
import { KnowledgeState, type KnowledgeFigures, type MonthOfSpread } from '../../../../models/society/knowledge/state.js';

/** A side task that, like a thread, handles what it was posted only when settled; it keeps every message. */
class LateTask implements SideTask {
  readonly posted: DiffusionMonth[] = [];
  settles = 0;
  private queued: unknown[] = [];
  constructor(private readonly handler = new DiffusionHandler()) {}
  post(message: unknown): void {
    this.posted.push(message as DiffusionMonth);
    this.queued.push(message);
  }
  settle(): unknown[] {
    this.settles++;
    return this.queued.splice(0).map((message) => this.handler.handle(message));
  }
}

/** Four communities in a line, all linked to their neighbours, all with members. */
function month(step: number, diffusionRate = 1): MonthOfSpread {
  return {
    links: { start: Int32Array.from([0, 1, 3, 5, 6]), targets: Int32Array.from([1, 0, 2, 1, 3, 2]), count: 4 },
    living: Uint8Array.from([1, 1, 1, 1]),
    diffusionRate,
    licenceRate: 0.5,
    step,
  };
}

describe('the knowledge state and its diffusion task', () => {
  it('hands over what research added with the month, and settles before anyone reads the technology', () => {
    const state = new KnowledgeState(3);
    const task = new LateTask();
    const runner = { side: () => task } as unknown as ShardRunner;
    state.ensure(4, () => 2);
    state.add(innovationIn(0, 0, 0, 0.5, 0, 'commons', 12));
    state.handOver(runner, 7, month(0));
    expect(task.posted).toHaveLength(1);
    expect(task.posted[0]).toMatchObject({ start: { communities: 3, seed: 7 }, parents: [2], step: 0 });
    expect(task.posted[0]!.innovations.map((innovation) => innovation.id)).toEqual([0]);
    expect(task.settles).toBe(0);
    // Reading the technology waits for the month: the origin and its neighbour (rate 1) gained.
    expect(state.level(0, 0)).toBe(1.5);
    expect(task.settles).toBe(1);
    expect([state.level(1, 0), state.level(2, 0), state.level(1, 1), state.level(9, 0)]).toEqual([1.5, 1, 1, 1]);
    expect(state.meanLevel(0)).toBe(1.25);
    expect(state.size).toBe(4);
    expect(state.counters.adoptions).toBe(1);
    expect(task.settles).toBe(1);
    // The next month carries no start, and only what was added since.
    state.handOver(runner, 7, month(1));
    expect(task.posted[1]).toMatchObject({ parents: [], innovations: [], step: 1 });
    expect(task.posted[1]!.start).toBeUndefined();
    expect(state.settle()!.adoptions).toBe(1);
    expect(state.level(2, 0)).toBe(1.5);
  });

  it("leaves a row's figures to be filled in when its month spreads on a thread of its own, from the populations at collection", () => {
    const state = new KnowledgeState(4);
    const task = new LateTask();
    const runner = { side: () => task } as unknown as ShardRunner;
    const amended: [number, KnowledgeFigures][] = [];
    state.amend = (row, figures) => amended.push([row, figures]);
    const communities = [10, 20, 30, 40].map((population, id) => ({ id, population }));
    expect(state.figures(0, communities)).toEqual({ techMean: 1, adoptions: 0, licences: 0 });
    state.add(innovationIn(0, 0, 0, 0.5, 1, 'commons', 12));
    state.handOver(runner, 7, month(1));
    const late = state.figures(1, communities);
    expect(late.techMean).toBeNaN();
    expect(state.figures(1, communities)).toBe(late);
    expect(task.settles).toBe(0);
    communities[0]!.population = 1000; // after the collection: not what the row counts
    expect(amended).toEqual([]);
    state.level(0, 0);
    // Communities 0 and 1 have 1.5 in sector 0: a mean of 1.25 for 30 of the 100 persons.
    expect(amended).toEqual([[1, { techMean: (10 * 1.25 + 20 * 1.25 + 30 + 40) / 100, adoptions: 1, licences: 0 }]]);
    expect(state.figures(2, communities)).toEqual({ techMean: (1000 * 1.25 + 20 * 1.25 + 30 + 40) / 1090, adoptions: 1, licences: 0 });
  });

  it("gives a row's figures at once when the month is handled on this thread", () => {
    const state = new KnowledgeState(4);
    state.amend = () => expect.unreachable('nothing to amend');
    state.add(innovationIn(0, 0, 0, 0.5, 1, 'commons', 12));
    state.handOver({ side: () => undefined } as unknown as ShardRunner, 7, month(1));
    expect(state.figures(1, [10, 20, 30, 40].map((population, id) => ({ id, population })))).toEqual({ techMean: (10 * 1.25 + 20 * 1.25 + 30 + 40) / 100, adoptions: 1, licences: 0 });
    // Asked again for the same row: the figures already worked out; for a new collector's row 1, afresh.
    const others = [0, 0, 30, 40].map((population, id) => ({ id, population }));
    expect(state.figures(1, others).techMean).toBe((10 * 1.25 + 20 * 1.25 + 30 + 40) / 100);
    state.forgetFigures();
    expect(state.figures(1, others).techMean).toBe(1);
  });

  it('says a month may grant licences only while an innovation is patented and licences can be taken', () => {
    const state = new KnowledgeState(4);
    state.add(innovationIn(0, 0, 0, 0.5, 3, 'commons', 12));
    expect(state.mayLicence(3, 0.5)).toBe(false);
    state.add(innovationIn(1, 1, 1, 0.5, 3, 'patents', 12));
    expect(state.mayLicence(3, 0.5)).toBe(true);
    expect(state.mayLicence(14, 0.5)).toBe(true);
    expect(state.mayLicence(15, 0.5)).toBe(false);
    expect(state.mayLicence(3, 0)).toBe(false);
  });

  it('refuses licences from a month nobody waited for in the phase (their fees would be lost)', () => {
    const state = new KnowledgeState(4);
    const runner = { side: () => new LateTask() } as unknown as ShardRunner;
    state.add(innovationIn(0, 0, 0, 0.5, 0, 'patents', 12));
    state.handOver(runner, 7, { ...month(0), licenceRate: 1 });
    expect(() => state.settle()).toThrow(/granted licences in a month the phase did not wait for/);
    state.handOver(runner, 7, { ...month(1), licenceRate: 1 });
    expect(state.settle(true)!.licences.length).toBeGreaterThan(0);
  });
});
