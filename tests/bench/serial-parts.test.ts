import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { phaseOfKernel, serialParts } from '../../bench/serial-parts.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('serialParts', () => {
  it("puts each kernel in its phase and gives each phase its time less its kernels', largest first", () => {
    const phases = ['demography', 'produce', 'syndicates'];
    expect(phaseOfKernel('produce.effort', phases)).toBe('produce');
    expect(phaseOfKernel('people.sums', phases)).toBe('syndicates');
    expect(phaseOfKernel('people.norms', phases)).toBe('ecology');
    expect(phaseOfKernel('gather.pairs', phases)).toBe('demography');
    expect(phaseOfKernel('metrics.persons', phases)).toBe('(outside the phases)');
    const rows = serialParts({
      phaseMs: { demography: 10, produce: 30, syndicates: 8 },
      kernelMsByName: { 'produce.effort': 12, 'produce.output': 8, 'gather.words': 1, 'people.sums': 2, 'metrics.persons': 5 },
      seconds: 0.6, steps: 10, // 60 ms a step: 12 outside the phases
    });
    expect(rows).toEqual([
      { part: 'demography', ms: 10, kernels: 1, own: 9 },
      { part: 'produce', ms: 30, kernels: 20, own: 10 },
      { part: 'syndicates', ms: 8, kernels: 2, own: 6 },
      { part: '(outside the phases)', ms: 12, kernels: 5, own: 7 },
    ].sort((a, b) => b.own - a.own));
  });

  it('prints the table for a small society, every phase once', () => {
    const text = execFileSync(process.execPath, ['--import', 'tsx', 'bench/serial-parts.ts', '3000', '1', '1', '2'], { cwd: ROOT, encoding: 'utf8' });
    expect(text).toMatch(/^3000 persons, 1 thread\(s\):/);
    for (const phase of ['demography', 'produce', 'syndicates', 'migration', '(outside the phases)']) expect(text.split('\n').filter((line) => line.startsWith(phase + ' '))).toHaveLength(1);
  }, 60_000);
});
