import { describe, expect, it } from 'vitest';
import { Society } from '../../../models/society/index.js';
import { small } from './helpers.js';

function society(extra: Record<string, unknown>, seed = 5): Society {
  return new Society(small('default', { population: 2000, communities: 20, researchRate: 0.3, ...extra }), seed);
}

describe('knowledge in the society', () => {
  it('research yields innovations that raise technology', () => {
    const s = society({});
    s.run({ steps: 24 });
    expect(s.collector.column('innovations').reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(s.collector.last()['tech_mean']).toBeGreaterThan(1);
  });

  it('with diffusion off, innovations stay where they arose', () => {
    const s = society({ diffusionRate: 0, licenceRate: 0 });
    s.knowledge.census = true;
    s.run({ steps: 24 });
    const month = s.knowledge.settle() ?? s.knowledge.lastAnswer!;
    expect(s.knowledge.nextId).toBeGreaterThan(0);
    expect(month.spreading).toBe(s.knowledge.nextId);
    expect(month.knownBy).toEqual(Array.from({ length: s.knowledge.nextId }, () => 1));
  });

  it('under patents licences are paid and adoption is slower than under the commons', () => {
    const commons = society({});
    const patents = society({ knowledge: 'patents' });
    commons.run({ steps: 36 });
    patents.run({ steps: 36 });
    const adoptions = (s: Society) => s.collector.column('adoptions').reduce((a, b) => a + b, 0) / Math.max(1, s.knowledge.nextId);
    expect(adoptions(patents)).toBeLessThan(adoptions(commons));
    expect(patents.collector.column('licences').reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
