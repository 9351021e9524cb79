import { z } from 'zod';
import { paramsSchema, type ModelDefinition } from '../sim/index.js';

/** Values a scenario gets when neither it nor anything it extends sets them. */
export const SCENARIO_DEFAULTS = { seed: 1, steps: 100, description: '' } as const;

/** The largest seed: seeds are written into file names and CSVs, so keep them plain integers. */
export const MAX_SEED = 2 ** 32 - 1;

/**
 * The zod schema of a scenario file for one model (after `extends` is merged): the model's
 * parameter table decides which `params` are allowed, their types and their ranges.
 */
export function scenarioSchema(definition: ModelDefinition) {
  return z.strictObject({
    $schema: z.string().optional().describe('Path of schema.json, for editor autocompletion'),
    model: z.literal(definition.name).describe(definition.description),
    name: z.string().min(1).optional().describe('Short name; run folders are named after it (default: the file name)'),
    description: z.string().optional().describe('One line for `polycentric list`'),
    extends: z.string().min(1).optional().describe('Another scenario file (relative path) whose fields this one overrides'),
    seed: z.number().int().min(0).max(MAX_SEED).default(SCENARIO_DEFAULTS.seed).describe('Seed of every random stream'),
    steps: z.number().int().min(0).max(1e9).default(SCENARIO_DEFAULTS.steps).describe('Number of steps to run'),
    params: paramsSchema(definition.params).default({}).describe(`Parameters of the ${definition.name} model`),
  });
}

/** The parsed fields of a scenario, before parameters are resolved against their defaults. */
export type ParsedScenario = z.output<ReturnType<typeof scenarioSchema>>;
