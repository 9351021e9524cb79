import { afterEach, describe, expect, it } from 'vitest';
import { InlineSideTask, LocalRunner, TimedRunner, type SideTask } from '../../../sim/index.js';
import { ThreadedRunner } from '../../../sim/node/threads.js';
import { KERNELS, Tally } from './fixtures/toy-kernels.js';

const MODULE = new URL('./fixtures/toy-kernels.ts', import.meta.url).href;
const runners: ThreadedRunner[] = [];
afterEach(() => runners.splice(0).forEach((runner) => runner.close()));

async function threaded(): Promise<ThreadedRunner> {
  const runner = await ThreadedRunner.start({ threads: 2, kernelModule: MODULE, kernels: KERNELS, params: {}, seed: 3 });
  runners.push(runner);
  return runner;
}

/** Posts 1 … 5 in two batches; returns what each settle gave. */
function feed(task: SideTask): unknown[][] {
  const settled: unknown[][] = [task.settle()];
  for (let n = 1; n <= 3; n++) task.post({ add: n });
  settled.push(task.settle());
  for (let n = 4; n <= 5; n++) task.post({ add: n });
  settled.push(task.settle(), task.settle());
  return settled;
}

describe('side tasks', () => {
  it('answer every message in order, inline and on a thread alike', async () => {
    const inline = feed(new InlineSideTask(new Tally()));
    expect(inline).toEqual([
      [],
      [{ total: 1, count: 1 }, { total: 3, count: 2 }, { total: 6, count: 3 }],
      [{ total: 10, count: 4 }, { total: 15, count: 5 }],
      [],
    ]);
    const runner = await threaded();
    expect(feed(runner.side('toy.tally'))).toEqual(inline);
  });

  it('keep one task per name for the run, and none on one thread', async () => {
    const runner = await threaded();
    const task = runner.side('toy.tally');
    expect(runner.side('toy.tally')).toBe(task);
    task.post({ add: 2 });
    expect(new TimedRunner(runner, () => performance.now()).side('toy.tally')).toBe(task);
    expect(task.settle()).toEqual([{ total: 2, count: 1 }]);
    expect(new LocalRunner(KERNELS, {}, () => { throw new Error('no streams here'); }).side()).toBeUndefined();
  });

  it('work beside the caller: posting returns at once, settling waits for the answer', async () => {
    const task = (await threaded()).side('toy.tally');
    task.post({ add: 1 });
    task.settle(); // the thread is up
    const posted = performance.now();
    task.post({ add: 5, sleepMs: 400 });
    const afterPost = performance.now() - posted;
    expect(task.settle()).toEqual([{ total: 6, count: 2 }]);
    const afterSettle = performance.now() - posted;
    expect(afterPost).toBeLessThan(200);
    expect(afterSettle).toBeGreaterThanOrEqual(350);
  });

  it("report a handler's failure when settled, and stop the task", async () => {
    const task = (await threaded()).side('toy.tally');
    task.post({ add: 1 });
    task.post({ add: 2, fail: true });
    expect(() => task.settle()).toThrow(/side task 'toy.tally' failed: Error: tally failed on purpose at 2/);
    expect(() => task.post({ add: 3 })).toThrow(/has been stopped/);
  });

  it('name a task the module does not export', async () => {
    const task = (await threaded()).side('toy.missing');
    task.post({ add: 1 });
    expect(() => task.settle()).toThrow(/exports no side task 'toy.missing'/);
  });

  it('stop with the runner', async () => {
    const runner = await threaded();
    const task = runner.side('toy.tally');
    runner.close();
    expect(() => task.post({ add: 1 })).toThrow(/has been stopped/);
    expect(() => runner.side('toy.tally')).toThrow(/stopped/);
  });
});
