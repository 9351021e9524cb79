import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entries, polycentric, polycentricInProcess, scratch } from './helpers.js';

const dir = scratch();
const files: Record<string, string> = {
  'not-json.json': '{\n  "model": "boltzmann",\n  "steps": 3,\n}\n',
  'unknown-key.json': JSON.stringify({ model: 'boltzmann', params: { agentz: 10 } }),
  'wrong-type.json': JSON.stringify({ model: 'boltzmann', params: { agents: 'ten' } }),
  'out-of-range.json': JSON.stringify({ model: 'boltzmann', params: { savingShare: 1.7 } }),
  'unknown-model.json': JSON.stringify({ model: 'wealth' }),
  'fine.json': JSON.stringify({ model: 'boltzmann', steps: 3, params: { agents: 10 } }),
  'crowded.json': JSON.stringify({ model: 'society', steps: 2, params: { population: 30, communities: 20 } }),
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);

const throughProcess = new Set(['not-json.json', 'out-of-range.json', 'absent.json', 'crowded.json']);

describe('bad input exits 2, names file, path, expected and found, and writes nothing', () => {
  it.each([
    ['not JSON', 'not-json.json', [], '(file): expected valid JSON, found Expected double-quoted property name at line 4, column 1'],
    ['an unknown key', 'unknown-key.json', [], 'params.agentz: expected one of the known keys: agents,'],
    ['a wrong type', 'wrong-type.json', [], 'params.agents: expected a number, found "ten"'],
    ['an out-of-range value', 'out-of-range.json', [], 'params.savingShare: expected a number ≤ 0.99, found 1.7'],
    ['a missing file', 'absent.json', [], '(file): expected an existing scenario file, found no such file'],
    ['an unknown model', 'unknown-model.json', [], 'model: expected one of "society", "boltzmann", "schelling", found "wealth"'],
    ['a bad --set', 'fine.json', ['--set', 'agents'], '--set: expected path=value, e.g. params.sharing=0.8, found "agents"'],
    ['an out-of-range --set', 'fine.json', ['--set', 'params.agents=1'], ' (--set params.agents=1): params.agents: expected a number ≥ 2, found 1'],
    ['a bad --seed', 'fine.json', ['--seed', 'soon'], 'command line: --seed: expected a non-negative integer, found "soon"'],
    ['a negative --steps', 'fine.json', ['--steps', '-3'], 'command line: --steps: expected a non-negative integer, found -3'],
    ['a negative --seed', 'fine.json', ['--seed', '-1'], 'command line: --seed: expected a non-negative integer, found -1'],
    ['fewer than 2 persons per community', 'crowded.json', [], 'params.population: expected at least 2 persons per community (≥ 40 for params.communities = 20), found 30'],
  ])('%s', async (_, file, extra, message) => {
    const out = join(dir, `out-${file}`);
    const args = ['run', join(dir, file), ...extra, '--out', out];
    // A few cases go through a real process (exit status included); the rest run the same CLI in-process.
    const result = throughProcess.has(file) ? polycentric(args) : await polycentricInProcess(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    if (!message.startsWith('command line')) expect(result.stderr).toContain(join(dir, file));
    expect(entries(dir)).toEqual(Object.keys(files).sort());
  });

  it('an unknown option or command', async () => {
    expect((await polycentricInProcess(['run', join(dir, 'fine.json'), '--sed', '3'])).code).toBe(2);
    const unknown = await polycentricInProcess(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('command: expected one of');
  });
});
