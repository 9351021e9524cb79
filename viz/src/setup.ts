import type { Simulation } from '../../sim/model.js';
import { getModel } from '../../models/index.js';
import { createSimulation } from '../../scenarios/create.js';
import { parseScenario } from '../../scenarios/load.js';
import { readGrid, readLand } from './probe.js';
import type { RunInfo, SetupRequest } from './protocol.js';

/** Builds a simulation from a scenario's text and overrides, the way the CLI does, and describes it. */
export function setUpRun(request: SetupRequest): { sim: Simulation; info: RunInfo } {
  const text = request.texts[request.file];
  if (text === undefined) throw new Error(`no scenario named ${request.file}`);
  // `extends` is resolved against the built-in files carried in the request.
  const read = (file: string) => {
    const parent = request.texts[file];
    if (parent === undefined) throw new Error(`${request.file}: extends ${file}, which is not a built-in scenario`);
    return parent;
  };
  const scenario = parseScenario(text, request.file, { seed: request.seed, steps: request.steps, set: request.set }, { read });
  const sim = createSimulation(scenario);
  const grid = readGrid(sim);
  const info: RunInfo = {
    model: scenario.model,
    name: scenario.name,
    description: scenario.description,
    file: request.file,
    seed: scenario.seed,
    totalSteps: scenario.steps,
    params: scenario.params,
    paramTable: getModel(scenario.model).params,
    metricNames: [...sim.collector.names],
    land: readLand(sim),
    grid: grid && { width: grid.width, height: grid.height },
  };
  return { sim, info };
}
