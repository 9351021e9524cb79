import type { ModelDefinition } from '../sim/index.js';
import { boltzmannModel } from './classic/boltzmann.js';
import { schellingModel } from './classic/schelling.js';
import { societyModel } from './society/index.js';

/** Every runnable model, by the name scenario files use in their `model` field. */
export const MODELS: Record<string, ModelDefinition> = {
  [societyModel.name]: societyModel,
  [boltzmannModel.name]: boltzmannModel,
  [schellingModel.name]: schellingModel,
};

/** The definition of a registered model; throws, naming the known models, if there is none. */
export function getModel(name: string): ModelDefinition {
  const definition = Object.hasOwn(MODELS, name) ? MODELS[name] : undefined;
  if (!definition) throw new Error(`no model named "${name}" (known: ${Object.keys(MODELS).join(', ')})`);
  return definition;
}
