import type { NamedPhase } from '../../../sim/index.js';
import type { Society } from '../society.js';

/**
 * Validation only (off by default): random pairs of members pool their food and split it
 * at a uniform random share (Drăgulescu & Yakovenko 2000), `randomExchangeTrades` times
 * per member per month. Transfers only; each community draws from its own stream. The
 * pairs are drawn and settled in kernels/exchange-random.ts (it may run on several threads).
 */
export const randomExchange: NamedPhase<Society> = {
  name: 'random-exchange',
  run(society) {
    if (society.params.randomExchangeTrades <= 0) return;
    society.shards.run('random-exchange.pairs', society.communities.length, society.members.start);
  },
};
