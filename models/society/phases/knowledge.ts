import type { NamedPhase } from '../../../sim/index.js';
import type { Community } from '../communities/community.js';
import { innovationIn, SECTORS } from '../knowledge/innovation.js';
import { RESEARCH_IN, RESEARCH_OUT, SECTORS_DRAWN } from '../kernels/research.js';
import { knowledgeLinks, type FlatLinks } from '../knowledge/links.js';
import { OlderSites } from '../knowledge/older-sites.js';
import { moveValue } from '../services/goods.js';
import { goodsRatio } from '../services/view.js';
import type { Society } from '../society.js';

/**
 * Research (phase 11, local): each community sets its research effort from the expected
 * private return of an innovation under the knowledge institution, and draws innovations
 * from its own stream at a rate its research syndicate's quality raises.
 * Reads outputs, links, research quality; mutates research share and the knowledge stock.
 */
export const research: NamedPhase<Society> = {
  name: 'research',
  run(society) {
    const state = society.knowledge;
    state.counters.innovations = 0;
    const communities = society.communities;
    // The grid of sites is built only in a month that founded communities.
    const older = state.communities < communities.length ? new OlderSites(society.sites.of(communities)) : null;
    state.ensure(communities.length, (id) => older!.nearest(id));
    const links = linksOfMonth(society);
    const ratio = goodsRatio(society);
    const count = communities.length;
    const outputs = new Float64Array(count);
    const output = society.markets.output;
    for (let c = 0; c < count; c++) outputs[c] = output[2 * c]! + ratio * output[2 * c + 1]!;
    const input = society.shards.array('research.in', Float64Array, count * RESEARCH_IN.stride);
    society.shards.array('research.out', Float64Array, count * RESEARCH_OUT.stride);
    for (let c = 0; c < count; c++) researchInputs(society, communities[c]!, links, outputs, input);
    society.shards.run('research.draw', count, society.members.start);
    const out = society.shards.array('research.out', Float64Array, count * RESEARCH_OUT.stride);
    for (let c = 0; c < count; c++) {
      if (communities[c]!.population > 0) recordResearch(society, communities[c]!, out);
    }
  },
};

/**
 * The month's knowledge links, built once for research and diffusion: nothing between the two
 * phases founds communities, changes partners or federations, or empties a community.
 */
function linksOfMonth(society: Society): FlatLinks {
  const state = society.knowledge;
  if (state.links === null || state.linksStep !== society.steps || state.links.count !== society.communities.length) {
    state.links = knowledgeLinks(society);
    state.linksStep = society.steps;
  }
  return state.links;
}

/** What the research kernel needs to know about a community. */
function researchInputs(society: Society, community: Community, links: FlatLinks, outputs: Float64Array, input: Float64Array): void {
  const i = community.id * RESEARCH_IN.stride;
  input[i + RESEARCH_IN.population] = community.population > 0 ? community.population : 0;
  if (community.population <= 0) return;
  let linkedOutput = 0;
  const { start, targets } = links;
  const from = start[community.id]!;
  const to = start[community.id + 1]!;
  for (let k = from; k < to; k++) linkedOutput += outputs[targets[k]!]!;
  input[i + RESEARCH_IN.ownOutput] = outputs[community.id]!;
  input[i + RESEARCH_IN.linkedOutput] = linkedOutput;
  input[i + RESEARCH_IN.links] = to - from;
  input[i + RESEARCH_IN.boost] = 1 + society.params.researchEffect * (society.services.quality.research[community.id] ?? 0);
}

/** The research share, and the kernel's innovations added to the stock (sectors past the kernel's drawn next from the same stream). */
function recordResearch(society: Society, community: Community, out: Float64Array): void {
  const p = society.params;
  const state = society.knowledge;
  const o = community.id * RESEARCH_OUT.stride;
  state.researchShare[community.id] = out[o + RESEARCH_OUT.share]!;
  const count = out[o + RESEARCH_OUT.count]!;
  const holding = p.knowledge === 'patents' ? 'patents' : 'commons';
  let sectors = out[o + RESEARCH_OUT.sectors]!;
  for (let i = 0; i < count; i++) {
    let sector: number;
    if (i < SECTORS_DRAWN) {
      sector = sectors % SECTORS;
      sectors = (sectors - sector) / SECTORS;
    } else sector = society.shards.rng(community.id, 'research').int(SECTORS);
    state.add(innovationIn(sector, state.nextId++, community.id, p.innovationGain, society.steps, holding, p.patentTerm));
    state.counters.innovations++;
  }
}

/**
 * Diffusion (phase 11, across communities, its own stream): innovations spread along trade
 * and federation links — at the diffusion rate when free to copy, at the licence rate while
 * patented, the licensee paying the holder months of its gain from its fund (a transfer).
 * The month goes to the diffusion task (knowledge/state.ts), which in a threaded run spreads
 * it on a thread of its own while the later phases run; a month that may grant licences is
 * waited for here, so the fees move funds in this phase as the licences come.
 */
export const diffusion: NamedPhase<Society> = {
  name: 'diffusion',
  run(society) {
    const p = society.params;
    const state = society.knowledge;
    const links = linksOfMonth(society);
    const communities = society.communities;
    const living = new Uint8Array(communities.length);
    for (let c = 0; c < communities.length; c++) living[c] = communities[c]!.population > 0 ? 1 : 0;
    state.counters.licences = 0;
    state.handOver(society.shards, society.seed, {
      links: { start: links.start.slice(0, links.count + 1), targets: links.targets.slice(0, links.start[links.count]!), count: links.count },
      living,
      diffusionRate: p.diffusionRate,
      licenceRate: p.licenceRate,
      step: society.steps,
    });
    if (state.mayLicence(society.steps, p.licenceRate)) payLicences(society);
  },
};

/** Waits for the month's spread and pays its licences, in the order granted. */
function payLicences(society: Society): void {
  const p = society.params;
  const state = society.knowledge;
  const licences = state.settle(true)!.licences;
  const ratio = goodsRatio(society);
  for (let i = 0; i < licences.length; i += 3) {
    const holder = society.communities[licences[i]!]!;
    const payer = society.communities[licences[i + 1]!]!;
    const fee = p.licenceFee * licences[i + 2]! * (payer.food.output + ratio * payer.manufactures.output);
    moveValue(payer.fund, holder.fund, fee, ratio);
    state.counters.licences++;
  }
}
