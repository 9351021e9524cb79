import type { CreateOptions, Simulation } from '../sim/index.js';
import { getModel } from '../models/index.js';
import type { ResolvedScenario } from './parse.js';

/** Builds the scenario's model from its resolved parameters and seed (`shared`: arrays a threaded run can split). */
export function createSimulation(scenario: ResolvedScenario, options?: CreateOptions): Simulation {
  return getModel(scenario.model).create(scenario.params, scenario.seed, options);
}
