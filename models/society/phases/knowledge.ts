import type { NamedPhase } from '../../../sim/index.js';
import { communityStream, type Community } from '../communities/community.js';
import { drawInnovations, newInnovation, researchEffort, researchReturn } from '../knowledge/innovation.js';
import { knowledgeLinks } from '../knowledge/links.js';
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
    const older = state.stock.size < communities.length ? new OlderSites(communities) : null;
    state.ensure(communities.length, (id) => older!.nearest(id));
    const links = linksOfMonth(society);
    const ratio = goodsRatio(society);
    const outputs = new Float64Array(communities.length);
    for (let c = 0; c < communities.length; c++) outputs[c] = communities[c]!.food.output + ratio * communities[c]!.manufactures.output;
    for (const community of communities) {
      if (community.population > 0) researchIn(society, community, links[community.id]!, outputs);
    }
  },
};

/**
 * The month's knowledge links, built once for research and diffusion: nothing between the two
 * phases founds communities, changes partners or federations, or empties a community.
 */
function linksOfMonth(society: Society): number[][] {
  const state = society.knowledge;
  if (state.links === null || state.linksStep !== society.steps || state.links.length !== society.communities.length) {
    state.links = knowledgeLinks(society);
    state.linksStep = society.steps;
  }
  return state.links;
}

function researchIn(society: Society, community: Community, links: number[], outputs: Float64Array): void {
  const p = society.params;
  const state = society.knowledge;
  let linkedOutput = 0;
  for (const other of links) linkedOutput += outputs[other]!;
  const ownOutput = outputs[community.id]!;
  const expected = researchReturn({
    holding: p.knowledge === 'patents' ? 'patents' : 'commons', gain: p.innovationGain, ownOutput, linkedOutput, links: links.length,
    ownUseMonths: p.ownUseMonths, patentTerm: p.patentTerm, licenceRate: p.licenceRate, licenceFee: p.licenceFee,
    reputationValue: p.reputationValue, reciprocityValue: p.reciprocityValue,
  });
  const share = researchEffort(expected, p.innovationGain * ownOutput * p.ownUseMonths, p.researchShare, p.researchElasticity);
  state.researchShare[community.id] = share;
  const rng = communityStream(society.streams, community, 'research');
  const boost = 1 + p.researchEffect * (society.services.quality.research[community.id] ?? 0);
  const count = drawInnovations(community.population * share, p.researchRate, boost, rng);
  for (let i = 0; i < count; i++) {
    const holding = p.knowledge === 'patents' ? 'patents' : 'commons';
    state.stock.add(newInnovation(state.nextId++, community.id, p.innovationGain, society.steps, holding, p.patentTerm, rng));
    state.counters.innovations++;
  }
}

/**
 * Diffusion (phase 11, across communities, its own stream): innovations spread along trade
 * and federation links — at the diffusion rate when free to copy, at the licence rate while
 * patented, the licensee paying the holder months of its gain from its fund (a transfer).
 */
export const diffusion: NamedPhase<Society> = {
  name: 'diffusion',
  run(society) {
    const p = society.params;
    const state = society.knowledge;
    const links = linksOfMonth(society);
    const rng = (state.rng ??= society.streams.derive('diffusion'));
    const ratio = goodsRatio(society);
    state.counters.licences = 0;
    state.counters.adoptions = state.stock.diffuse((c) => links[c] ?? [], { diffusionRate: p.diffusionRate, licenceRate: p.licenceRate, step: society.steps, living: (c) => society.communities[c]!.population > 0, symmetric: true }, rng, (innovation, licensee) => {
      const payer = society.communities[licensee]!;
      const fee = p.licenceFee * innovation.gain * (payer.food.output + ratio * payer.manufactures.output);
      moveValue(payer.fund, society.communities[innovation.origin]!.fund, fee, ratio);
      state.counters.licences++;
    });
  },
};
