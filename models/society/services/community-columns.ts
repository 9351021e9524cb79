import type { Society } from '../society.js';

/**
 * Per-community numbers that the month's syndicate passes read for each syndicate's clients,
 * copied once in community order. Read through the community objects instead, which lie all
 * over the heap, each client would cost a cache miss or two (some 57,000 clients a month at a
 * million persons). Nothing in the syndicates' phase changes them.
 */
export interface CommunityColumns {
  readonly population: Float64Array;
  /** `governance.enforcement`: the civic columns' own (communities/civic-columns.ts). */
  readonly enforcement: Float64Array;
}

const columns: { population: Float64Array; enforcement: Float64Array } = { population: new Float64Array(0), enforcement: new Float64Array(0) };

/** The columns as the communities stand now (in buffers reused from call to call). */
export function communityColumns(society: Society): CommunityColumns {
  const communities = society.communities;
  const n = communities.length;
  if (columns.population.length < n) {
    const size = Math.ceil(n * 1.25);
    columns.population = new Float64Array(size);
  }
  const population = columns.population;
  for (let c = 0; c < n; c++) population[c] = communities[c]!.population;
  columns.enforcement = society.civic.enforcement;
  return columns;
}
