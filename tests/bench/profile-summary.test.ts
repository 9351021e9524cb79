import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineTimes, selfTimes } from '../../bench/profile-summary.js';

const here = new URL('../../bench/profile-summary.ts', import.meta.url).href;

describe('the CPU profile summary', () => {
  it('charges each sample to the function on top of the stack, anonymous ones to their caller, most first', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2] },
        { id: 2, callFrame: { functionName: 'selfTimes', url: here, lineNumber: 0 }, children: [3] },
        { id: 3, callFrame: { functionName: '', url: here, lineNumber: 0 } },
      ],
      samples: [2, 3, 3, 1],
      timeDeltas: [1000, 3000, 4000, 2000],
    };
    const rows = selfTimes(profile);
    expect(rows.map((r) => [r.name, r.selfMs])).toEqual([
      ['(anonymous in selfTimes)', 7],
      ['(root)', 2],
      ['selfTimes', 1],
    ]);
    expect(rows[0]!.share).toBeCloseTo(0.7);
    // Total time counts a function wherever it is on the stack: selfTimes holds its anonymous callee's 7 ms too.
    expect(rows.map((r) => r.totalMs)).toEqual([7, 10, 8]);
    // The line is the declaration's in the source file, not the transformed code's.
    expect(rows[2]!.where).toMatch(/^bench\/profile-summary\.ts:\d+$/);
    expect(rows[2]!.where).not.toBe('bench/profile-summary.ts:1');
    // Within a function: only the samples taken with it on the stack, shares of that time.
    const inside = selfTimes(profile, 'selfTimes');
    expect(inside.find((r) => r.name === '(root)')!.selfMs).toBe(0);
    expect(inside[0]!.share).toBeCloseTo(7 / 8);
  });

  it("names a closure kernel's functions by the kernel, whichever build they came from, its nameless work as the kernel's work", () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 3, 4] },
        { id: 2, callFrame: { functionName: '', url: 'closure-kernel/produce.effort/3', lineNumber: 5 } },
        { id: 3, callFrame: { functionName: '', url: 'closure-kernel/produce.effort/11', lineNumber: 5 } },
        { id: 4, callFrame: { functionName: 'conform', url: 'closure-kernel/culture.cultivate/4', lineNumber: 9 } },
      ],
      samples: [2, 3, 4, 1],
      timeDeltas: [1000, 2000, 4000, 1000],
    };
    expect(selfTimes(profile).map((r) => [r.name, r.where, r.selfMs])).toEqual([
      ['conform', 'closure-kernel/culture.cultivate', 4],
      ['(work of produce.effort)', 'closure-kernel/produce.effort', 3],
      ['(root)', '(runtime)', 1],
    ]);
  });

  it('splits a function\'s self time by line, in proportion to its ticks, with the line\'s text', () => {
    // Lines of this very file: 1 is its first import, 2 the second.
    const profile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 3] },
        { id: 2, callFrame: { functionName: 'walk', url: here, lineNumber: 0 }, positionTicks: [{ line: 1, ticks: 1 }, { line: 2, ticks: 3 }] },
        // The same function reached by another path: its time adds to the same lines.
        { id: 3, callFrame: { functionName: 'walk', url: here, lineNumber: 0 }, positionTicks: [{ line: 1, ticks: 2 }] },
      ],
      samples: [2, 2, 3, 1],
      timeDeltas: [4000, 4000, 2000, 5000],
    };
    const rows = lineTimes(profile, 'walk');
    expect(rows.map((r) => [r.where, r.selfMs])).toEqual([
      ['bench/profile-summary.ts:2', 6],
      ['bench/profile-summary.ts:1', 4],
    ]);
    expect(rows[0]!.share).toBeCloseTo(0.6);
    expect(rows[1]!.text).toMatch(/^(\/\*\*|import)/);
    expect(lineTimes(profile, 'walk', 'elsewhere.js')).toEqual([]);
    expect(lineTimes(profile, 'nothing')).toEqual([]);
  });

  it('prints a function\'s lines from the command line, and refuses --lines or --in without a value (exit 2)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'profile-summary-')), 'one.cpuprofile');
    const profile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2] },
        { id: 2, callFrame: { functionName: 'walk', url: here.replace(/\.ts$/, '.js'), lineNumber: 0 }, positionTicks: [{ line: 2, ticks: 1 }] },
      ],
      samples: [2],
      timeDeltas: [3000],
    };
    writeFileSync(file, JSON.stringify(profile));
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'bench/profile-summary.ts', file, ...args], { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8' });
    const shown = cli('--lines', 'walk', '--in', 'bench/');
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/3\s+100\.0%\s+bench\/profile-summary\.js:2/);
    expect(cli('--lines', 'walk', '--in', 'elsewhere/').stdout).toContain('no samples');
    for (const args of [['--lines'], ['--lines', '--json'], ['--in', 'bench/'], ['--lines', 'walk', '--in']]) {
      const refused = cli(...args);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('usage:');
    }
  });

  it('stops quietly when its reader closes early (piped into head)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'profile-summary-')), 'many.cpuprofile');
    // Thousands of functions: a table far longer than a pipe holds.
    const functions = 4000;
    const nodes = [{ id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: Array.from({ length: functions }, (_, i) => i + 2) }];
    for (let i = 0; i < functions; i++) nodes.push({ id: i + 2, callFrame: { functionName: `f${i}`, url: here, lineNumber: 0 }, children: [] });
    writeFileSync(file, JSON.stringify({ nodes, samples: nodes.slice(1).map((n) => n.id), timeDeltas: nodes.slice(1).map(() => 1000) }));
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/profile-summary.ts', file, '--top', String(functions)], { cwd: new URL('../..', import.meta.url).pathname });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    // Like head: read the first piece, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(errors).toBe('');
    expect(code).toBe(0);
  });
});
