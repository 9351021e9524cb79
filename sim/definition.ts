import type { Simulation } from './model.js';
import type { ParamTable } from './params.js';

/**
 * A runnable model as the scenario loader, the CLI, sweep workers and the visualizer see it:
 * its parameter table (defaults, units, ranges, meanings) and a factory.
 */
export interface ModelDefinition {
  /** The `model` value in scenario files (e.g. "boltzmann", "society"). */
  name: string;
  /** One line for `polycentric list` and the docs. */
  description: string;
  params: ParamTable;
  /** Builds a model from resolved parameters and a seed. */
  create(params: Record<string, unknown>, seed: number): Simulation;
}
