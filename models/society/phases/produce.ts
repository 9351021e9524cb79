import type { NamedPhase } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
import { EFFORT_IN, EFFORT_OUT, OUTPUT_IN, OUTPUT_OUT } from '../kernels/produce.js';
import type { Society } from '../society.js';
import { outputFactor } from '../services/effects.js';

/**
 * Production per community and sector: workers reconsider their sector (a few each
 * month), choose effort from the share they keep, their civic norm and the chance of
 * being named; Y = A·H·(factor/H)^a with land (food) or capital (manufactures) as the
 * factor; each person's output is their share of H times a lognormal shock. Harvest draws
 * down the community's resource. Reads prices, policy, land; mutates sector, effort,
 * output, resource, markets. One stream per community. The per-person work, the yields, the harvest
 * and each community's markets and hours are in kernels/produce.ts (they may run on several
 * threads); the counters and the books stay here.
 */
export const produce: NamedPhase<Society> = {
  name: 'produce',
  run(society) {
    if (!society.params.production) {
      society.people.cols.output.fill(0);
      return;
    }
    const { shards, communities, members } = society;
    const count = communities.length;
    const effortIn = shards.array('produce.effortIn', Float64Array, count * EFFORT_IN.stride);
    shards.array('produce.effortOut', Float64Array, count * EFFORT_OUT.stride);
    shards.array('produce.outputIn', Float64Array, count * OUTPUT_IN.stride);
    shards.array('produce.outputOut', Float64Array, count * OUTPUT_OUT.stride);
    for (const community of communities) effortInputs(society, community, effortIn);
    society.cellIndex.update(communities);
    // The effort kernel also sets each community's yields (output per unit of labour) for the output kernel.
    shards.run('produce.effort', count, members.start);
    shards.run('produce.output', count, members.start);
    const effortOut = shards.array('produce.effortOut', Float64Array, count * EFFORT_OUT.stride);
    const outputOut = shards.array('produce.outputOut', Float64Array, count * OUTPUT_OUT.stride);
    booked.food = booked.manufactures = booked.harvested = 0;
    for (const community of communities) {
      if (effortIn[community.id * EFFORT_IN.stride + EFFORT_IN.active] === 1) recordProduction(society, community, effortIn, effortOut, outputOut);
    }
    // Booked once for all communities: three ledger entries each would be 40,000 map updates a month at a million persons.
    society.ledger.source('food', 'production', booked.food);
    society.ledger.source('manufactures', 'production', booked.manufactures);
    society.ledger.sink('resource', 'harvest', booked.harvested);
  },
};

/** What the effort kernel needs to know about a community beyond its columns: who is in, the output factors, the land unit. */
function effortInputs(society: Society, community: Community, input: Float64Array): void {
  const i = community.id * EFFORT_IN.stride;
  const n = society.members.count(community.id);
  input[i + EFFORT_IN.active] = n === 0 ? 0 : 1;
  if (n === 0) return;
  // What the yields need (the effort kernel computes them once it has summed the labour).
  input[i + EFFORT_IN.factorFood] = outputFactor(society, community.id, 0);
  input[i + EFFORT_IN.factorManufactures] = outputFactor(society, community.id, 1);
  input[i + EFFORT_IN.landUnit] = society.landUnit;
}

/** The month's production and harvest, summed over communities for the books. */
const booked = { food: 0, manufactures: 0, harvested: 0 };

/** The month's counters from the effort kernel and the books' totals from the output kernel (which recorded the markets and hours). */
function recordProduction(society: Society, community: Community, effortIn: Float64Array, effortOut: Float64Array, outputOut: Float64Array): void {
  const o = community.id * OUTPUT_OUT.stride;
  const e = community.id * EFFORT_OUT.stride;
  const workers = effortOut[e + EFFORT_OUT.workers]!;
  society.counters.freeRiders += effortOut[e + EFFORT_OUT.freeRiders]!;
  society.counters.workers += workers;
  society.counters.detection += effortOut[e + EFFORT_OUT.detection]! * workers;
  booked.food += outputOut[o + OUTPUT_OUT.producedFood]!;
  booked.manufactures += outputOut[o + OUTPUT_OUT.producedManufactures]!;
  booked.harvested += outputOut[o + OUTPUT_OUT.harvested]!;
}
