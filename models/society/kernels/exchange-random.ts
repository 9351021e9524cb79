import type { Kernel } from '../../../sim/index.js';
import type { SocietyParams } from '../params.js';

/**
 * The random-exchange check's per-person work (validation only, phases/random-exchange.ts):
 * random pairs of a community's members pool their food and split it at a uniform random
 * share, on the community's own `random-exchange` stream.
 */
export const randomExchangePairs: Kernel = {
  name: 'random-exchange.pairs',
  streams: ['random-exchange'],
  run(scope, c) {
    const start = (scope.arrays['members.start'] as Int32Array)[c]!;
    const n = (scope.arrays['members.start'] as Int32Array)[c + 1]! - start;
    if (n < 2) return;
    const rows = scope.arrays['members.rows'] as Int32Array;
    const food = scope.arrays['people.food'] as Float64Array;
    const rng = scope.rng(c, 'random-exchange');
    const count = Math.round((scope.params as unknown as SocietyParams).randomExchangeTrades * n);
    for (let t = 0; t < count; t++) {
      const a = rows[start + rng.int(n)]!;
      let b = rows[start + rng.int(n - 1)]!;
      if (b === a) b = rows[start + n - 1]!;
      const total = food[a]! + food[b]!;
      const share = rng.next() * total;
      food[a] = share;
      food[b] = total - share;
    }
  },
};
