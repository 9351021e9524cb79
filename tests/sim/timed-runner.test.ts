import { describe, expect, it } from 'vitest';
import { LocalRunner, TimedRunner, type Kernel } from '../../sim/index.js';

/** A kernel that writes each community's number into a shared array, and a clock that ticks 1 ms a reading. */
function setUp(keyOf?: (kernel: string) => string) {
  const mark: Kernel = { name: 'mark', streams: [], run: (scope, c) => void ((scope.arrays['marks'] as Int32Array)[c] = c + 1) };
  const also: Kernel = { name: 'also', streams: [], run: () => {} };
  const inner = new LocalRunner([mark, also], {}, () => {
    throw new Error('no streams here');
  });
  let now = 0;
  const clock = () => now++;
  return { inner, timed: new TimedRunner(inner, clock, keyOf) };
}

describe('TimedRunner', () => {
  it('passes the kernels through to the runner it times and sums the time inside their runs, by kernel', () => {
    const { inner, timed } = setUp();
    const marks = timed.array('marks', Int32Array, 3);
    expect(inner.array('marks', Int32Array, 3)).toBe(marks);
    timed.run('mark', 3, new Int32Array([0, 1, 2, 3]));
    expect([...timed.array('marks', Int32Array, 3).subarray(0, 3)]).toEqual([1, 2, 3]);
    timed.run('also', 3, new Int32Array(4));
    timed.run('mark', 3, new Int32Array(4));
    expect(timed.threads).toBe(1);
    expect(timed.timed).toBe(inner);
    // Each run reads the clock twice, one tick apart.
    expect(timed.ms).toBe(3);
    expect(Object.fromEntries(timed.byKey)).toEqual({ mark: 2, also: 1 });
    timed.reset();
    expect(timed.ms).toBe(0);
    expect(timed.byKey.size).toBe(0);
  });

  it('counts a job begun and its join, each under the key chosen when it is called', () => {
    let phase = 'metrics-ahead';
    const { timed } = setUp(() => phase);
    timed.array('marks', Int32Array, 2);
    timed.begin('mark', 2, new Int32Array([0, 1, 2]));
    phase = 'collection';
    timed.join();
    timed.join(); // nothing pending: no time
    // A second begin joins the first (nothing left here), then posts its own.
    timed.begin('also', 2, new Int32Array(3));
    timed.begin('mark', 2, new Int32Array(3));
    expect(Object.fromEntries(timed.byKey)).toEqual({ 'metrics-ahead': 1, collection: 4 });
    expect(timed.ms).toBe(5);
  });
});
