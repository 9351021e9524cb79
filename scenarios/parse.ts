import { resolveParams, type ModelDefinition } from '../sim/index.js';
import { MODELS } from '../models/index.js';
import { checkConstraints } from './constraints.js';
import { describeValue, InputError } from './errors.js';
import { reportIssue } from './issues.js';
import { applySet, mergeExtends, originOf, parseJsonObject, type MergedScenario, type ReadText } from './merge.js';
import { scenarioSchema, SCENARIO_DEFAULTS } from './schema.js';

/** Command-line overrides, applied after the file and everything it extends. */
export interface ScenarioOverrides {
  seed?: number;
  steps?: number;
  /** `path=value` assignments, e.g. `params.sharing=0.8` or `steps=100`. */
  set?: string[];
}

/** A scenario with every field and every parameter resolved: what a run needs. */
export interface ResolvedScenario {
  model: string;
  name: string;
  description: string;
  seed: number;
  steps: number;
  params: Record<string, unknown>;
  /** The file it was read from. */
  file: string;
}

/** Where parsing finds other files (for `extends`) and models (tests pass their own). */
export interface ParseOptions {
  read?: ReadText;
  models?: Record<string, ModelDefinition>;
}

/** Parses, merges, overrides and validates a scenario's text; bad input throws InputError. */
export function parseScenario(text: string, file: string, overrides: ScenarioOverrides = {}, options: ParseOptions = {}): ResolvedScenario {
  const merged = mergeExtends(parseJsonObject(text, file), file, options.read);
  applyOverrides(merged, overrides, file);
  const definition = pickModel(merged, file, options.models ?? MODELS);
  const result = scenarioSchema(definition).safeParse(merged.data);
  if (!result.success) {
    const topLevelKeys = Object.keys(scenarioSchema(definition).shape);
    const knownKeys = (path: string[]) => (path[0] === 'params' ? Object.keys(definition.params) : topLevelKeys);
    const reports = result.error.issues.map((issue) => reportIssue(issue, merged.data, knownKeys));
    const first = reports[0]!;
    // A value can break several rules at once (1.5 persons: too few and not whole); name them all.
    const expected = [...new Set(reports.filter((r) => r.path === first.path).map((r) => r.expected))].join(' and ');
    throw new InputError(originOf(merged, first.path, file), first.path, expected, first.found);
  }
  const scenario = result.data;
  const params = resolveParams(definition.params, scenario.params);
  const problem = checkConstraints(definition.name, params);
  if (problem) throw new InputError(originOf(merged, problem.path, file), problem.path, problem.expected, problem.found);
  return {
    model: definition.name,
    name: scenario.name ?? baseName(file),
    description: scenario.description ?? SCENARIO_DEFAULTS.description,
    seed: scenario.seed,
    steps: scenario.steps,
    params,
    file,
  };
}

/** A file's name without its folder and `.json`. */
export function baseName(file: string): string {
  return (file.split(/[\\/]/).at(-1) ?? file).replace(/\.json$/i, '');
}

function applyOverrides(merged: MergedScenario, overrides: ScenarioOverrides, file: string): void {
  for (const assignment of overrides.set ?? []) applySet(merged, assignment, file);
  if (overrides.seed !== undefined) {
    merged.data.seed = overrides.seed;
    merged.origins.set('seed', `${file} (--seed)`);
  }
  if (overrides.steps !== undefined) {
    merged.data.steps = overrides.steps;
    merged.origins.set('steps', `${file} (--steps)`);
  }
}

function pickModel(merged: MergedScenario, file: string, models: Record<string, ModelDefinition>): ModelDefinition {
  const name = merged.data.model;
  const definition = typeof name === 'string' && Object.hasOwn(models, name) ? models[name] : undefined;
  if (definition) return definition;
  const known = Object.keys(models).map((key) => JSON.stringify(key));
  throw new InputError(originOf(merged, 'model', file), 'model', `one of ${known.join(', ')}`, describeValue(name));
}
