import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { expectedViolence, flipPoint, resolveCrisis, violenceChance, type CrisisAssumptions } from '../../../../models/society/crises/crises.js';

const assumptions: CrisisAssumptions = {
  mentalHealthShare: 0.5, disasterShare: 0.2, armedIncidentShare: 0.1, unarmedFit: 0.8, armedFit: 0.5,
  unarmedEscalation: 0.3, armedEscalation: 0.05, unresolvedViolence: 0.1,
};

describe('crisis response', () => {
  it('outcomes come from fit: specialists resolve unarmed crises better, leaving fewer to turn violent', () => {
    expect(violenceChance('unarmed', 'mentalHealth', false, assumptions, 1)).toBeCloseTo(0.2 * 0.1, 12);
    expect(violenceChance('armed', 'mentalHealth', false, assumptions, 1)).toBeGreaterThan(violenceChance('unarmed', 'mentalHealth', false, assumptions, 1));
  });

  it('an unarmed response meeting an armed incident escalates', () => {
    expect(violenceChance('unarmed', 'conflict', true, assumptions, 1)).toBeGreaterThan(violenceChance('armed', 'conflict', true, assumptions, 1));
  });

  it('the comparison flips as armed incidents become common; the flip point is where both are equal', () => {
    expect(expectedViolence('unarmed', { ...assumptions, armedIncidentShare: 0 }, 1)).toBeLessThan(expectedViolence('armed', { ...assumptions, armedIncidentShare: 0 }, 1));
    expect(expectedViolence('unarmed', { ...assumptions, armedIncidentShare: 1 }, 1)).toBeGreaterThan(expectedViolence('armed', { ...assumptions, armedIncidentShare: 1 }, 1));
    const flip = flipPoint(assumptions, 'armedIncidentShare', 1, 1);
    expect(flip).toBeGreaterThan(0);
    expect(flip).toBeLessThan(1);
    const at = { ...assumptions, armedIncidentShare: flip };
    expect(expectedViolence('unarmed', at, 1)).toBeCloseTo(expectedViolence('armed', at, 1), 9);
  });

  it('with the default mix no escalation chance flips it: the flip point says so (NaN)', () => {
    expect(flipPoint(assumptions, 'unarmedEscalation', 1, 1)).toBeNaN();
  });

  it('drawn crises turn violent at the expected rate', () => {
    const rng = new Rng('crises');
    let violent = 0;
    const n = 40_000;
    for (let i = 0; i < n; i++) if (resolveCrisis('unarmed', assumptions, 0.8, rng).violent) violent++;
    expect(violent / n).toBeCloseTo(expectedViolence('unarmed', assumptions, 0.8), 2);
  });
});
