import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { drawInnovations, researchEffort, researchReturn, type ResearchReturnInputs } from '../../../../models/society/knowledge/innovation.js';

const inputs: ResearchReturnInputs = {
  holding: 'commons', gain: 0.02, ownOutput: 100, linkedOutput: 300, links: 3, ownUseMonths: 60,
  patentTerm: 240, licenceRate: 0.01, licenceFee: 12, reputationValue: 12, reciprocityValue: 6,
};

describe('research responds to its expected private return', () => {
  it('patents add the expected licence fees within the term to own use', () => {
    const ownUse = 0.02 * 100 * 60;
    const licensed = 1 - 0.99 ** 240;
    expect(researchReturn({ ...inputs, holding: 'patents' })).toBeCloseTo(ownUse + licensed * 12 * 0.02 * 300, 9);
  });

  it('the commons add reputation and reciprocal access, which grows with links', () => {
    expect(researchReturn(inputs)).toBeCloseTo(0.02 * 100 * (60 + 12 + 6 * 3), 9);
    expect(researchReturn({ ...inputs, links: 6 })).toBeGreaterThan(researchReturn(inputs));
  });

  it('more return draws more research effort, at most half the labour', () => {
    expect(researchEffort(200, 100, 0.01, 1)).toBeCloseTo(0.02, 12);
    expect(researchEffort(100, 100, 0.01, 1)).toBeCloseTo(0.01, 12);
    expect(researchEffort(1e9, 100, 0.01, 1)).toBe(0.5);
    expect(researchEffort(200, 100, 0.01, 0)).toBeCloseTo(0.01, 12);
  });

  it('innovations arrive at the research rate', () => {
    const rng = new Rng('innovations');
    let total = 0;
    for (let month = 0; month < 12_000; month++) total += drawInnovations(50, 0.024, 1, rng);
    expect(total / 1000).toBeCloseTo(50 * 0.024, 0);
  });
});
