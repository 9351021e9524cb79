import { z } from 'zod';
import { paramSchema, type ParamSpec, type ParamTable } from '../sim/params.js';
import { checkConstraints } from './constraints.js';
import { describeValue, InputError } from './errors.js';
import { nearestName, reportIssue } from './issues.js';
import type { ResolvedScenario } from './parse.js';

/** A value a parameter can take in a grid. */
const value = z.union([z.number(), z.boolean(), z.string()]);
/** A numeric interval sampled by Latin hypercube or Saltelli designs. */
const range = z.strictObject({ min: z.number(), max: z.number() });

const gridDesign = z.strictObject({
  kind: z.literal('grid'),
  parameters: z.record(z.string(), z.array(value).min(1)).default({}),
});
const latinHypercubeDesign = z.strictObject({
  kind: z.literal('latin-hypercube'),
  samples: z.int().min(1).max(1_000_000),
  parameters: z.record(z.string(), range),
});
const saltelliDesign = z.strictObject({
  kind: z.literal('saltelli'),
  samples: z.int().min(2).max(1_000_000),
  parameters: z.record(z.string(), range),
});

/** The zod schema of a sweep file (`scenarios/sweeps/*.json`). */
export const sweepFileSchema = z.strictObject({
  $schema: z.string().optional().describe('Path of schema.json, for editor autocompletion'),
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'a name of letters, digits, - and _').describe('Short name; the sweep folder is named after it'),
  description: z.string().default('').describe('What the sweep asks, in a line'),
  scenario: z.string().min(1).describe('The base scenario file, relative to this file'),
  seed: z.int().min(0).max(2 ** 31 - 1).describe('Sweep seed: with a run’s parameter values and replicate number it gives the run’s seed'),
  steps: z.int().min(1).optional().describe('Steps per run (default: the scenario’s)'),
  replicates: z.int().min(1).max(10_000).default(1).describe('Runs (seeds) per design point'),
  set: z.record(z.string(), value).default({}).describe('Parameters held fixed for every run, laid over the scenario’s'),
  design: z
    .discriminatedUnion('kind', [gridDesign, latinHypercubeDesign, saltelliDesign])
    .default({ kind: 'grid', parameters: {} })
    .describe('grid: lists of values (full factorial); latin-hypercube and saltelli: ranges and a number of samples'),
  metrics: z.array(z.string().min(1)).optional().describe('Metrics that `polycentric sensitivity` analyses by default'),
});

/** A sweep file as written. */
export type SweepFile = z.infer<typeof sweepFileSchema>;
/** A sweep's design: a full grid, a Latin hypercube or a Saltelli design. */
export type SweepDesign = SweepFile['design'];

/** The base scenario of a sweep, resolved as any scenario is. */
export type BaseScenario = ResolvedScenario;

/** A sweep ready to plan: the file's settings, the resolved base scenario and its model's parameters. */
export interface ResolvedSweep {
  file: string;
  name: string;
  description: string;
  seed: number;
  replicates: number;
  design: SweepDesign;
  metrics?: string[];
  /** The base scenario with `steps` and `set` applied. */
  base: BaseScenario;
}

/** How a sweep file reaches its base scenario and its model's parameter table. */
export interface SweepContext {
  /** Loads the base scenario named in the file (a path relative to the sweep file). */
  loadScenario(relativePath: string): BaseScenario;
  /** The parameter table of a model. */
  paramsOf(model: string): ParamTable;
}

/** Parses and checks a sweep file's text; bad input throws an InputError naming file, field, expected and found. */
export function parseSweep(text: string, file: string, context: SweepContext): ResolvedSweep {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, '', 'valid JSON', (error as Error).message);
  }
  const parsed = sweepFileSchema.safeParse(data);
  if (!parsed.success) throw inputErrorFromZod(parsed.error.issues[0]!, file, data);
  const sweep = parsed.data;
  const loaded = context.loadScenario(sweep.scenario);
  const table = context.paramsOf(loaded.model);
  checkParameters(sweep, table, file, loaded.model);
  const base: BaseScenario = {
    ...loaded,
    steps: sweep.steps ?? loaded.steps,
    params: { ...loaded.params, ...sweep.set },
  };
  checkDesignConstraints(base, sweep.design, table, file);
  const { name, description, seed, replicates, design, metrics } = sweep;
  return { file, name, description, seed, replicates, design, ...(metrics ? { metrics } : {}), base };
}

/** Every parameter named in `set` and in the design exists in the model, and every value fits it. */
function checkParameters(sweep: SweepFile, table: ParamTable, file: string, model: string): void {
  const known = Object.keys(table);
  // Short lists are spelled out; long ones would drown the message, so the nearest name is offered instead.
  const expected = `a parameter of the ${model} model${known.length <= 12 ? ` (${known.join(', ')})` : ''}`;
  const specOf = (name: string, path: string): ParamSpec => {
    const spec = Object.hasOwn(table, name) ? table[name] : undefined;
    const nearest = nearestName(name, known);
    if (!spec) throw new InputError(file, path, expected, `${describeValue(name)}${nearest ? ` (did you mean "${nearest}"?)` : ''}`);
    return spec;
  };
  for (const [name, given] of Object.entries(sweep.set)) checkValue(specOf(name, `set.${name}`), given, file, `set.${name}`);
  for (const [name, spec] of Object.entries(sweep.design.parameters)) {
    const path = `design.parameters.${name}`;
    const paramSpec = specOf(name, path);
    if (Array.isArray(spec)) spec.forEach((given, i) => checkValue(paramSpec, given, file, `${path}.${i}`));
    else checkRange(paramSpec, spec, file, path);
  }
}

/** The most design points checked against cross-parameter rules (beyond, a broken run is recorded as failed). */
const DESIGN_POINTS_CHECKED = 100_000;

/**
 * The base (with `set`) and every point of a grid — or every corner of the ranges of a sampled
 * design, where a rule such as "2 persons per community" is broken first — keep the model's
 * cross-parameter rules, so a sweep with runs bound to fail is refused up front.
 */
function checkDesignConstraints(base: BaseScenario, design: SweepDesign, table: ParamTable, file: string): void {
  const names = Object.keys(design.parameters);
  const lists = names.map((name) => candidateValues((design.parameters as Record<string, unknown[] | Range>)[name]!, table[name]));
  const points = lists.reduce((count, list) => count * list.length, 1);
  if (points > DESIGN_POINTS_CHECKED) return;
  for (let point = 0; point < points; point++) {
    const values: Record<string, unknown> = {};
    let stride = points;
    names.forEach((name, k) => {
      stride /= lists[k]!.length;
      values[name] = lists[k]![Math.floor(point / stride) % lists[k]!.length];
    });
    const problem = checkConstraints(base.model, { ...base.params, ...values });
    if (!problem) continue;
    const shown = Object.entries(values).map(([name, value]) => `${name} = ${JSON.stringify(value)}`).join(', ');
    const where = !shown ? '' : design.kind === 'grid' ? ` at ${shown}` : ` at ${shown} (a corner of the ranges)`;
    throw new InputError(file, names.length ? 'design.parameters' : 'set', `${problem.path} ${problem.expected}`, `${problem.found}${where}`);
  }
}

type Range = { min: number; max: number };

/** A grid's values as they are; a range's two ends, rounded as the design rounds integer parameters. */
function candidateValues(spec: unknown[] | Range, param: ParamSpec | undefined): unknown[] {
  if (Array.isArray(spec)) return spec;
  const round = (value: number) => (param?.kind === 'number' && param.integer ? Math.round(value) : value);
  return [round(spec.min), round(spec.max)];
}

function checkValue(spec: ParamSpec, given: unknown, file: string, path: string): void {
  const result = paramSchema(spec).safeParse(given);
  if (!result.success) throw inputErrorFromZod(result.error.issues[0]!, file, given, path);
}

function checkRange(spec: ParamSpec, bounds: { min: number; max: number }, file: string, path: string): void {
  if (spec.kind !== 'number') throw new InputError(file, path, 'a list of values (only numeric parameters take a range)', describeValue(bounds));
  if (bounds.min < spec.min) throw new InputError(file, `${path}.min`, `a number >= ${spec.min}`, String(bounds.min));
  if (bounds.max > spec.max) throw new InputError(file, `${path}.max`, `a number <= ${spec.max}`, String(bounds.max));
  if (!(bounds.min < bounds.max)) throw new InputError(file, `${path}.max`, `a number above min (${bounds.min})`, String(bounds.max));
}

/** One zod issue as an InputError: the dotted path, what the schema wanted, what the file holds there. */
function inputErrorFromZod(issue: z.core.$ZodIssue, file: string, data: unknown, prefix = ''): InputError {
  const report = reportIssue(issue, data, knownKeys);
  const path = [prefix, report.path].filter(Boolean).join('.');
  return new InputError(file, path, report.expected, report.found);
}

/** The keys allowed at a path of a sweep file (for "did you mean" hints). */
function knownKeys(path: string[]): string[] {
  if (path[0] !== 'design') return Object.keys(sweepFileSchema.shape);
  return path.length === 1 ? ['kind', 'samples', 'parameters'] : ['min', 'max'];
}

/** The JSON Schema of sweep files (for editors' autocompletion), as the text of scenarios/sweeps/schema.json. */
export function sweepJsonSchemaText(): string {
  const schema = z.toJSONSchema(sweepFileSchema, { io: 'input', target: 'draft-2020-12' });
  const titled = { ...schema, title: 'polycentric sweep', description: 'A sweep file: a base scenario, the parameters to vary and how, replicates and a seed. Generated from scenarios/sweep-schema.ts; do not edit.' };
  return JSON.stringify(titled, null, 2) + '\n';
}
