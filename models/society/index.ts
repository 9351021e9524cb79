import type { ModelDefinition } from '../../sim/index.js';
import { societyParams } from './params.js';
import { Society } from './society.js';

export { Society } from './society.js';
export { societyParams, type SocietyParams } from './params.js';
export type { Community, Policy, Account } from './communities/community.js';
export type { Land } from './land/land.js';

/** The society: land, persons and communities with their economies, under switchable institutions. */
export const societyModel: ModelDefinition = {
  name: 'society',
  description: 'Self-managed communities on a landscape: production, sharing, markets and credit, under switchable institutions',
  params: societyParams,
  create: (params, seed, options) => new Society(params, seed, options),
};
