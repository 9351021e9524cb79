import type { NamedPhase } from '../../../sim/index.js';
import { communityColumns } from '../services/community-columns.js';
import { runServiceMonth } from '../services/month.js';
import { overseeSyndicates, voteFees } from '../services/oversight.js';
import { sumPersons } from '../services/person-sums.js';
import { redrawRegions } from '../services/redraw.js';
import { zeroServiceCounters } from '../services/state.js';
import type { Society } from '../society.js';

/**
 * Syndicates (phase 5, across communities, no randomness). Yearly, service regions are
 * redrawn per function (watersheds, catchments, transport regions, …), syndicates
 * founded, dissolved or split, and communities decide whether to opt out. Every month each syndicate collects its fees into its own budget
 * (or the central purse, split by the government) and delivers what it can; then
 * education raises the young's skills by its quality. Yearly the stakeholders vote each
 * syndicate's fee (weighted votes); monthly its officials' skimming meets the clients' oversight.
 * Reads funds, holdings, land; mutates funds, syndicate budgets, qualities, skills.
 */
export const syndicates: NamedPhase<Society> = {
  name: 'syndicates',
  run(society) {
    const state = society.services;
    state.counters = zeroServiceCounters();
    // Nothing below changes persons' goods or norms before `educate`: one set of sums serves
    // all, the one the meals kernel left when consumption ran this step (the phase before).
    const sums = sumPersons(society, true);
    // Yearly (and at the start): a community founded in between waits for the next redraw.
    if (state.drawnFor < 0 || society.steps % 12 === 0) {
      redrawRegions(society, sums.goods);
      // The stakeholders vote each syndicate's fee for the year, after last year's service.
      if (society.steps > 0) voteFees(society);
    }
    state.ensure(society.communities.length);
    const columns = communityColumns(society);
    overseeSyndicates(society, sums.norms, columns);
    runServiceMonth(society, sums.goods, columns);
    educate(society);
  },
};

/** The young's skills grow by their school's quality: per community, in kernels/syndicates.ts. */
function educate(society: Society): void {
  const count = society.communities.length;
  const input = society.shards.array('syndicates.education', Float64Array, count);
  const quality = society.services.quality.education;
  let any = false;
  for (let c = 0; c < count; c++) {
    const q = quality[c] ?? 0;
    input[c] = q;
    if (!(q <= 0)) any = true;
  }
  if (any) society.shards.run('syndicates.educate', count, society.members.start);
}
