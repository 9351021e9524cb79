import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FIXTURE = fileURLToPath(new URL('./fixtures/long-loop.ts', import.meta.url));

/** How many times V8 began compiling the fixture's loop for on-stack replacement. */
function osrCompilations(settled: boolean): number {
  const output = execFileSync(process.execPath, ['--trace-osr', '--import', 'tsx', FIXTURE, settled ? 'settled' : 'as-is'], { encoding: 'utf8' });
  return output.split('\n').filter((line) => line.includes('OSR - compilation started') && line.includes('longLoopCalledOnce')).length;
}

describe('the compiler settings of a process that runs kernels', () => {
  it('turn on-stack replacement off for the code that runs after them', () => {
    // The control: V8 does replace this loop on the stack when left as it is.
    expect(osrCompilations(false)).toBeGreaterThan(0);
    expect(osrCompilations(true)).toBe(0);
  });
});
