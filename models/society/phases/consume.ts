import type { NamedPhase } from '../../../sim/index.js';
import { CONSUME_OUT } from '../kernels/consume.js';
import { CARERS } from '../kernels/distribute.js';
import { preparePersonSums } from '../services/person-sums.js';
import type { Society } from '../society.js';

/**
 * Members eat up to their food need and use a share of their manufactures; then food
 * spoils and manufactures wear, in holdings, funds and collectives, and collective capital
 * depreciates. Utility, needs met and satisfaction (a moving average of utility) follow
 * from what was consumed. Sinks only; no randomness. The meals also leave each community's
 * sums of goods and civic norms for the syndicates (`Society.personSumsAfterConsumption`). The per-person work is in
 * kernels/consume.ts (it may run on several threads), with the wear of each community's
 * fund and collective; the books stay here, in community order.
 */
export const consume: NamedPhase<Society> = {
  name: 'consume',
  run(society) {
    if (!society.params.consumption) return;
    const { shards, communities, members } = society;
    const n = communities.length;
    if (sinks.eaten.length < n) growSinks(n);
    // Written by distribute this month, for the same members index.
    shards.array(CARERS, Int32Array, members.start[n]!);
    shards.array('consume.out', Float64Array, n * CONSUME_OUT.stride);
    // The meals also add up each community's goods and norms, as the syndicates will want them.
    preparePersonSums(society);
    shards.run('consume.meals', n, members.start);
    society.personSumsAfterConsumption = society.steps;
    const out = shards.array('consume.out', Float64Array, n * CONSUME_OUT.stride);
    for (let i = 0; i < n; i++) bookSinks(i, out);
    // Each community's sinks, posted in community order: the same additions as one post each.
    const ledger = society.ledger;
    ledger.sinkEach('food', 'consumption', sinks.eaten, n);
    ledger.sinkEach('food', 'spoilage', sinks.spoiled, n);
    ledger.sinkEach('manufactures', 'consumption', sinks.used, n);
    ledger.sinkEach('manufactures', 'spoilage', sinks.worn, n);
    ledger.sinkEach('manufactures', 'depreciation', sinks.depreciation, n);
  },
};

/** Per community (by position in the list), what this month's consumption destroyed. */
const sinks = {
  eaten: new Float64Array(0),
  spoiled: new Float64Array(0),
  used: new Float64Array(0),
  worn: new Float64Array(0),
  depreciation: new Float64Array(0),
};

function growSinks(n: number): void {
  const size = Math.ceil(n * 1.25);
  sinks.eaten = new Float64Array(size);
  sinks.spoiled = new Float64Array(size);
  sinks.used = new Float64Array(size);
  sinks.worn = new Float64Array(size);
  sinks.depreciation = new Float64Array(size);
}

/** What the meals kernel found consumption destroyed in a community, with its fund's and collective's wear, for the books. */
function bookSinks(index: number, out: Float64Array): void {
  const o = index * CONSUME_OUT.stride;
  sinks.eaten[index] = out[o + CONSUME_OUT.eaten]!;
  sinks.spoiled[index] = out[o + CONSUME_OUT.spoiled]!;
  sinks.used[index] = out[o + CONSUME_OUT.used]!;
  sinks.worn[index] = out[o + CONSUME_OUT.worn]!;
  sinks.depreciation[index] = out[o + CONSUME_OUT.depreciation]!;
}
