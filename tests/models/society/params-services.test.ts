import { describe, expect, it } from 'vitest';
import { societyParams } from '../../../models/society/params.js';
import { servicesParams } from '../../../models/society/params-services.js';

describe('the services parameters', () => {
  it('are all in the society’s table, each with the meaning and range it was given there', () => {
    for (const [name, spec] of Object.entries(servicesParams)) {
      expect((societyParams as Record<string, unknown>)[name], name).toEqual(spec);
    }
  });

  it('every number has a default inside its range, and every thin-evidence crisis assumption says so', () => {
    for (const [name, spec] of Object.entries(servicesParams)) {
      if (spec.kind === 'number') {
        expect(spec.default, name).toBeGreaterThanOrEqual(spec.min);
        expect(spec.default, name).toBeLessThanOrEqual(spec.max);
      }
    }
    for (const name of ['armedIncidentShare', 'unarmedFit', 'armedFit', 'unarmedEscalation', 'armedEscalation', 'unresolvedViolence'] as const) {
      expect(servicesParams[name].source).toMatch(/THIN EVIDENCE/);
    }
  });
});
