import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../scenarios/errors.js';
import { loadScenario, parseScenario } from '../../scenarios/load.js';
import { walkModel } from '../cli/fixtures/tiny-model.js';

const models = { walk: walkModel };

/** Writes files into a fresh folder and returns a path maker. */
function folderWith(files: Record<string, unknown>): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'polycentric-scenarios-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return (name) => join(dir, name);
}

/** The InputError a call throws (fails the test if it throws something else or nothing). */
function inputErrorOf(call: () => unknown): InputError {
  try {
    call();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

describe('parseScenario', () => {
  it('fills every parameter the file leaves out with its default', () => {
    const scenario = parseScenario('{"model":"walk","params":{"walkers":7}}', 'dir/my-walk.json', {}, { models });
    expect(scenario).toEqual({
      model: 'walk', name: 'my-walk', description: '', seed: 1, steps: 100,
      params: { walkers: 7, failAt: 0, stopAt: 0, mood: 'calm' }, file: 'dir/my-walk.json',
    });
  });

  it('applies --set (JSON values, else text), then --seed and --steps', () => {
    const scenario = parseScenario('{"model":"walk","seed":4}', 'w.json', { set: ['params.walkers=9', 'params.mood=wild', 'steps=12', 'name=renamed'], seed: 8 }, { models });
    expect(scenario.params).toMatchObject({ walkers: 9, mood: 'wild' });
    expect([scenario.steps, scenario.seed, scenario.name]).toEqual([12, 8, 'renamed']);
    expect(parseScenario('{"model":"walk","steps":5}', 'w.json', { set: ['steps=12'], steps: 3 }, { models }).steps).toBe(3);
  });

  it.each([
    ['unknown key', '{"model":"walk","params":{"walkerz":2}}', {}, 'params.walkerz', 'one of the known keys: walkers, failAt, stopAt, mood', 'unknown key "walkerz" (did you mean "walkers"?)'],
    ['wrong type', '{"model":"walk","params":{"walkers":"many"}}', {}, 'params.walkers', 'a number', '"many"'],
    ['out of range', '{"model":"walk","params":{"walkers":101}}', {}, 'params.walkers', 'a number ≤ 100', '101'],
    ['not whole', '{"model":"walk","params":{"walkers":2.5}}', {}, 'params.walkers', 'an integer', '2.5'],
    ['bad option', '{"model":"walk","params":{"mood":"sad"}}', {}, 'params.mood', 'one of "calm", "wild"', '"sad"'],
    ['unknown model', '{"model":"wealth"}', {}, 'model', 'one of "walk"', '"wealth"'],
    ['missing model', '{"steps":3}', {}, 'model', 'one of "walk"', 'nothing'],
    ['unknown top-level key', '{"model":"walk","stepz":3}', {}, 'stepz', 'one of the known keys: $schema, model, name, description, extends, seed, steps, params', 'unknown key "stepz" (did you mean "steps"?)'],
    ['negative steps', '{"model":"walk","steps":-1}', {}, 'steps', 'a number ≥ 0', '-1'],
    ['not an object', '[1,2]', {}, '(top level)', 'a JSON object { "model": … }', 'an array [1,2]'],
  ])('refuses %s, naming file, path, expected and found', (_, text, overrides, path, expected, found) => {
    const error = inputErrorOf(() => parseScenario(text, 'bad.json', overrides, { models }));
    expect({ file: error.file, path: error.path, expected: error.expected, found: error.found }).toEqual({ file: 'bad.json', path, expected, found });
    expect(error.message).toBe(`bad.json: ${path}: expected ${expected}, found ${found}`);
  });

  it('names both rules a value breaks', () => {
    const error = inputErrorOf(() => parseScenario('{"model":"walk","params":{"walkers":0.5}}', 'w.json', {}, { models }));
    expect(error.expected).toBe('a number ≥ 1 and an integer');
  });

  it('gives the line and column of a JSON syntax error', () => {
    const error = inputErrorOf(() => parseScenario('{\n  "model": "walk",\n  "steps": 3,\n}', 'broken.json', {}, { models }));
    expect([error.file, error.path, error.expected]).toEqual(['broken.json', '(file)', 'valid JSON']);
    expect(error.found).toMatch(/line 4, column 1$/);
  });

  it('refuses a --set without path=value, and says which override a bad value came from', () => {
    const syntax = inputErrorOf(() => parseScenario('{"model":"walk"}', 'w.json', { set: ['walkers'] }, { models }));
    expect([syntax.path, syntax.expected, syntax.found]).toEqual(['--set', 'path=value, e.g. params.sharing=0.8', '"walkers"']);
    expect(inputErrorOf(() => parseScenario('{"model":"walk"}', 'w.json', { set: ['.x=1'] }, { models })).path).toBe('--set');
    const range = inputErrorOf(() => parseScenario('{"model":"walk"}', 'w.json', { set: ['params.walkers=500'] }, { models }));
    expect([range.file, range.path, range.found]).toEqual(['w.json (--set params.walkers=500)', 'params.walkers', '500']);
    const into = inputErrorOf(() => parseScenario('{"model":"walk","steps":3}', 'w.json', { set: ['steps.x=1'] }, { models }));
    expect([into.path, into.found]).toEqual(['steps', '3']);
  });

  it('refuses extends when it has no way to read files', () => {
    expect(inputErrorOf(() => parseScenario('{"extends":"base.json"}', 'w.json', {}, { models })).path).toBe('extends');
  });
});

describe('loadScenario', () => {
  const path = folderWith({
    'base.json': { model: 'walk', name: 'base', description: 'the base', steps: 40, params: { walkers: 5, mood: 'wild' } },
    'child.json': { extends: 'base.json', seed: 3, params: { walkers: 6 } },
    'grandchild.json': { extends: './child.json', name: 'third', params: { failAt: 9 } },
    'bad-base.json': { model: 'walk', params: { walkers: 1000 } },
    'bad-child.json': { extends: 'bad-base.json', steps: 2 },
    'loop-a.json': { extends: 'loop-b.json' },
    'loop-b.json': { extends: 'loop-a.json' },
    'orphan.json': { extends: 'nowhere.json' },
  });

  it('merges the files it extends, parents first, without inheriting the name', () => {
    const scenario = loadScenario(path('grandchild.json'), {}, { models });
    expect(scenario).toMatchObject({ name: 'third', description: 'the base', seed: 3, steps: 40, params: { walkers: 6, mood: 'wild', failAt: 9 } });
    expect(loadScenario(path('child.json'), {}, { models }).name).toBe('child');
  });

  it('blames the file a bad value came from', () => {
    const error = inputErrorOf(() => loadScenario(path('bad-child.json'), {}, { models }));
    expect([error.file, error.path]).toEqual([path('bad-base.json'), 'params.walkers']);
  });

  it('refuses a cycle of extends and a missing parent', () => {
    expect(inputErrorOf(() => loadScenario(path('loop-a.json'), {}, { models })).expected).toBe('a chain of files without a cycle');
    const missing = inputErrorOf(() => loadScenario(path('orphan.json'), {}, { models }));
    expect([missing.file, missing.found]).toEqual([path('nowhere.json'), 'no such file']);
  });

  it('refuses a file that does not exist', () => {
    const error = inputErrorOf(() => loadScenario(path('absent.json'), {}, { models }));
    expect(error.message).toBe(`${path('absent.json')}: (file): expected an existing scenario file, found no such file`);
  });
});
