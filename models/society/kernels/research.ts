import type { Kernel } from '../../../sim/index.js';
import { drawInnovations, researchEffort, researchReturn, SECTORS, type ResearchReturnInputs } from '../knowledge/innovation.js';
import type { SocietyParams } from '../params.js';

/**
 * Research, one community at a time (phases/knowledge.ts sums each community's linked output
 * first, and afterwards adds the innovations to the stock in community order): the research
 * share from the expected return, and the innovations drawn from the community's own
 * `research` stream — their number, then each one's sector.
 */

/** research.in, per community: population (0: no research), own and linked output, links, the syndicate's boost. */
export const RESEARCH_IN = { stride: 5, population: 0, ownOutput: 1, linkedOutput: 2, links: 3, boost: 4 } as const;
/** research.out, per community: the share of labour in research, the innovations drawn, and the sectors of the first ones (digit i in base SECTORS: innovation i's). */
export const RESEARCH_OUT = { stride: 3, share: 0, count: 1, sectors: 2 } as const;
/** Innovations whose sectors the kernel draws (one base-SECTORS digit each, exact below 2^53); the phase draws any beyond, next on the same stream. */
export const SECTORS_DRAWN = 30;

/** One inputs record per thread, refilled per community (no allocation per community). */
const inputs: ResearchReturnInputs = {
  holding: 'commons', gain: 0, ownOutput: 0, linkedOutput: 0, links: 0, ownUseMonths: 0, patentTerm: 0, licenceRate: 0, licenceFee: 0, reputationValue: 0, reciprocityValue: 0,
};

/** The community's research share and its innovations this month. */
export const researchDraw: Kernel = {
  name: 'research.draw',
  streams: ['research'],
  run(scope, c) {
    const input = scope.arrays['research.in'] as Float64Array;
    const out = scope.arrays['research.out'] as Float64Array;
    const i = c * RESEARCH_IN.stride;
    const o = c * RESEARCH_OUT.stride;
    out[o] = out[o + 1] = out[o + 2] = 0;
    const population = input[i + RESEARCH_IN.population]!;
    if (population <= 0) return;
    const p = scope.params as unknown as SocietyParams;
    const ownOutput = input[i + RESEARCH_IN.ownOutput]!;
    inputs.holding = p.knowledge === 'patents' ? 'patents' : 'commons';
    inputs.gain = p.innovationGain;
    inputs.ownOutput = ownOutput;
    inputs.linkedOutput = input[i + RESEARCH_IN.linkedOutput]!;
    inputs.links = input[i + RESEARCH_IN.links]!;
    inputs.ownUseMonths = p.ownUseMonths;
    inputs.patentTerm = p.patentTerm;
    inputs.licenceRate = p.licenceRate;
    inputs.licenceFee = p.licenceFee;
    inputs.reputationValue = p.reputationValue;
    inputs.reciprocityValue = p.reciprocityValue;
    const share = researchEffort(researchReturn(inputs), p.innovationGain * ownOutput * p.ownUseMonths, p.researchShare, p.researchElasticity);
    out[o + RESEARCH_OUT.share] = share;
    const rng = scope.rng(c, 'research');
    const count = drawInnovations(population * share, p.researchRate, input[i + RESEARCH_IN.boost]!, rng);
    out[o + RESEARCH_OUT.count] = count;
    // Each innovation's sector comes next on the stream (as newInnovation draws it), so the phase need not draw.
    let sectors = 0;
    for (let k = 0; k < count && k < SECTORS_DRAWN; k++) sectors += rng.int(SECTORS) * SECTORS ** k;
    out[o + RESEARCH_OUT.sectors] = sectors;
  },
};
