import type { NamedPhase } from '../../../sim/index.js';
import { communityStream } from '../communities/community.js';
import type { Society } from '../society.js';

/**
 * Validation only (off by default): random pairs of members pool their food and split it
 * at a uniform random share (Drăgulescu & Yakovenko 2000), `randomExchangeTrades` times
 * per member per month. Transfers only; each community draws from its own stream.
 */
export const randomExchange: NamedPhase<Society> = {
  name: 'random-exchange',
  run(society) {
    const trades = society.params.randomExchangeTrades;
    if (trades <= 0) return;
    const { members, people } = society;
    const food = people.cols.food;
    for (const community of society.communities) {
      const start = members.start[community.id]!;
      const n = members.count(community.id);
      if (n < 2) continue;
      const rng = communityStream(society.streams, community, 'random-exchange');
      const count = Math.round(trades * n);
      for (let t = 0; t < count; t++) {
        const a = members.rows[start + rng.int(n)]!;
        let b = members.rows[start + rng.int(n - 1)]!;
        if (b === a) b = members.rows[start + n - 1]!;
        const total = food[a]! + food[b]!;
        const share = rng.next() * total;
        food[a] = share;
        food[b] = total - share;
      }
    }
  },
};
