import type { Simulation } from '../sim/index.js';
import { getModel } from '../models/index.js';
import type { ResolvedScenario } from './parse.js';

/** Builds the scenario's model from its resolved parameters and seed. */
export function createSimulation(scenario: ResolvedScenario): Simulation {
  return getModel(scenario.model).create(scenario.params, scenario.seed);
}
