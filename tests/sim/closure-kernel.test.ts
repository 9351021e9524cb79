import { describe, expect, it } from 'vitest';
import { closureKernel, jobWork, LocalRunner, type KernelArray, type KernelScope } from '../../sim/index.js';

/** A scope over the given arrays (no streams, no parameters). */
function scopeOf(arrays: Record<string, KernelArray>, version = 0): KernelScope & { version: number } {
  return { arrays, params: { scale: 2 }, version, rng: () => { throw new Error('no streams here'); } };
}

/** Sums each community's values (members start[c] … start[c+1]) times the parameter `scale`, into `toy.out`. */
const sumKernel = closureKernel('toy.sum', [], { offset: 0 }, (arrays, lib) => {
  const values = arrays['toy.values'] as Float64Array;
  const out = arrays['toy.out'] as Float64Array;
  return (scope, c) => {
    const start = scope.arrays['toy.start'] as Int32Array;
    let total = lib.offset;
    for (let m = start[c]!; m < start[c + 1]!; m++) total += values[m]!;
    out[c] = total * (scope.params.scale as number);
  };
});

describe('closureKernel', () => {
  it('runs like a kernel, reading arrays it was not built over (and the parameters) as they stand at each call', () => {
    const arrays: Record<string, KernelArray> = { 'toy.values': new Float64Array([1, 2, 3, 4]), 'toy.out': new Float64Array(2), 'toy.start': new Int32Array([0, 1, 4]) };
    const scope = scopeOf(arrays);
    const work = jobWork(sumKernel, scope);
    work(scope, 0);
    work(scope, 1);
    expect([...(arrays['toy.out'] as Float64Array)]).toEqual([2, 18]);
    arrays['toy.start'] = new Int32Array([0, 2, 4]);
    scope.version++;
    sumKernel.run(scope, 0);
    expect(arrays['toy.out']![0]).toBe(6);
    // The start array was read per call, so its replacement needed no new build.
    expect(jobWork(sumKernel, scope)).toBe(work);
  });

  it('builds again, as a function of its own, when an array it was built over is replaced', () => {
    const arrays: Record<string, KernelArray> = { 'toy.values': new Float64Array([1, 2]), 'toy.out': new Float64Array(1), 'toy.start': new Int32Array([0, 2]) };
    const scope = scopeOf(arrays);
    const first = jobWork(sumKernel, scope);
    scope.version++;
    expect(jobWork(sumKernel, scope)).toBe(first);
    arrays['toy.values'] = new Float64Array([10, 20]);
    // Without a new version the build is kept (the runners raise it whenever they replace an array).
    expect(jobWork(sumKernel, scope)).toBe(first);
    scope.version++;
    const second = jobWork(sumKernel, scope);
    expect(second).not.toBe(first);
    second(scope, 0);
    expect(arrays['toy.out']![0]).toBe(60);
  });

  it('keeps one build per scope, so two societies stepped by turns do not rebuild each other', () => {
    const make = (value: number) => scopeOf({ 'toy.values': new Float64Array([value]), 'toy.out': new Float64Array(1), 'toy.start': new Int32Array([0, 1]) });
    const a = make(1);
    const b = make(5);
    const workA = jobWork(sumKernel, a);
    const workB = jobWork(sumKernel, b);
    expect(jobWork(sumKernel, a)).toBe(workA);
    workA(a, 0);
    workB(b, 0);
    expect([a.arrays['toy.out']![0], b.arrays['toy.out']![0]]).toEqual([2, 10]);
  });

  it('runs on a runner, which builds for the arrays the runner holds', () => {
    const runner = new LocalRunner([sumKernel], { scale: 3 }, () => { throw new Error('no streams here'); });
    let values = new Float64Array([1, 1, 1]);
    let version = 0;
    runner.track('toy', () => ({ values, start: new Int32Array([0, 1, 3]) }), () => version);
    const out = runner.array('toy.out', Float64Array, 2);
    runner.run('toy.sum', 2);
    expect([...out.subarray(0, 2)]).toEqual([3, 6]);
    values = new Float64Array([2, 2, 2]);
    version++;
    runner.run('toy.sum', 2);
    expect([...out.subarray(0, 2)]).toEqual([6, 12]);
  });

  it('refuses a build that is not a function expression, and names a build that reaches outside itself', () => {
    const shorthand = { build(arrays: unknown) { return () => arrays; } };
    expect(() => closureKernel('toy.bad', [], {}, shorthand.build as never)).toThrow(/kernel 'toy.bad': its build function could not be compiled/);
    const outside = 7;
    const reaching = closureKernel('toy.reaching', [], {}, () => () => {
      if (outside > 0) throw new Error('unreachable: the name is not in scope');
    });
    const scope = scopeOf({});
    expect(() => jobWork(reaching, scope)(scope, 0)).toThrow(ReferenceError);
  });
});
