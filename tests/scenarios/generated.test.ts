import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../models/index.js';
import { scenarioDocs } from '../../scenarios/docs.js';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../scenarios/json-schema.js';
import { loadScenario } from '../../scenarios/load.js';
import { walkModel } from '../cli/fixtures/tiny-model.js';

const committed = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('generated scenario docs and schema', () => {
  it('docs/scenarios.md is what `npm run docs` generates from the code', () => {
    expect(committed('docs/scenarios.md')).toBe(scenarioDocs(MODELS));
  });

  it('scenarios/schema.json is what `npm run docs` generates from the code', () => {
    expect(committed('scenarios/schema.json')).toBe(scenarioJsonSchemaText(MODELS));
  });

  it('the schema has one branch per model, with its parameters and ranges, and one for extending files', () => {
    const schema = scenarioJsonSchema({ walk: walkModel }) as { oneOf: Record<string, any>[] };
    expect(schema.oneOf).toHaveLength(2);
    const walk = schema.oneOf[0]!;
    expect(walk.properties.model.const).toBe('walk');
    expect(walk.properties.params.properties.walkers).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    expect(walk.properties.params.additionalProperties).toBe(false);
    expect(schema.oneOf[1]!.required).toEqual(['extends']);
  });

  it('the docs list every parameter of every model with its meaning, unit, default and range', () => {
    const docs = scenarioDocs({ walk: walkModel });
    expect(docs).toContain('| `walkers` | Rows per snapshot | walkers | `3` | 1 to 100, whole numbers |  |');
    expect(docs).toContain('| `mood` | Unused |  | `"calm"` | `calm`, `wild` |  |');
  });
});

describe('built-in scenarios', () => {
  it('include the default and the two classic models', () => {
    expect(files).toEqual(expect.arrayContaining(['default.json', 'boltzmann.json', 'schelling.json']));
  });

  const files = readdirSync(new URL('../../scenarios/', import.meta.url)).filter((name) => name.endsWith('.json') && name !== 'schema.json');

  it.each(files.map((name) => `scenarios/${name}`))('%s is valid and described', (file) => {
    const scenario = loadScenario(file);
    expect(scenario.description).not.toBe('');
    expect(Object.keys(MODELS)).toContain(scenario.model);
  });
});
