import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCENARIOS = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

/** The regime scenarios every paired comparison covers. */
export const REGIMES = ['mutualism', 'communism', 'hybrid', 'state', 'social-democratic'] as const;

/** A scenario's params with its `extends` chain applied (the loader's rule, for params only). */
export function scenarioParams(name: string): Record<string, unknown> {
  const scenario = JSON.parse(readFileSync(SCENARIOS + name + '.json', 'utf8')) as { extends?: string; params?: Record<string, unknown> };
  const base = scenario.extends ? scenarioParams(scenario.extends.replace(/\.json$/, '')) : {};
  return { ...base, ...scenario.params };
}

/** A scenario shrunk to test size: few persons and communities, the land scaled with them. */
export function small(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...scenarioParams(name), population: 400, communities: 6, ...extra };
}
