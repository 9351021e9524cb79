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
  /**
   * Builds a model from resolved parameters and a seed; `shared` puts the arrays its kernels use
   * in shared memory, so a threaded runner can be handed to it (`Simulation.sharding`).
   */
  create(params: Record<string, unknown>, seed: number, options?: CreateOptions): Simulation;
}

/** How to build a model. */
export interface CreateOptions {
  /** Arrays in shared memory (SharedArrayBuffer), for runs split across threads. */
  shared?: boolean;
}
