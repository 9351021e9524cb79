import type { NamedPhase } from '../../../sim/index.js';
import { beginPersonsPass } from '../metrics.js';
import type { Society } from '../society.js';

/**
 * Not a phase of the model: it changes nothing. On a threaded run it begins the metrics' pass
 * over persons on the worker threads, once no later phase moves persons between communities,
 * so the pass runs while the calling thread goes on with federations, ideas, research and the
 * rest of the step (see `beginPersonsPass`). On one thread it does nothing.
 */
export const metricsAhead: NamedPhase<Society> = {
  name: 'metrics-ahead',
  run(society) {
    beginPersonsPass(society);
  },
};
