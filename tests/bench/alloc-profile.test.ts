import { describe, expect, it } from 'vitest';
import { allocationSites } from '../../bench/alloc-profile.js';

const frame = (functionName: string, url = '') => ({ functionName, url });

describe('allocationSites', () => {
  it('sums self sizes by function and its two callers, per person and step, largest first', () => {
    const head = {
      callFrame: frame('(root)'),
      selfSize: 0,
      children: [
        {
          callFrame: frame('step'),
          selfSize: 0,
          children: [
            { callFrame: frame('run'), selfSize: 0, children: [{ callFrame: frame('split'), selfSize: 600, children: [] }] },
            { callFrame: frame('collect'), selfSize: 200, children: [] },
          ],
        },
      ],
    };
    const { total, sites } = allocationSites(head, 10, 2);
    expect(total).toBe(40);
    expect(sites.map((s) => s.bytesPerPersonStep)).toEqual([30, 10]);
    expect(sites[0]!.site).toBe('split (runtime)  ← run ← step');
    expect(sites[1]!.site).toBe('collect (runtime)  ← step ← (root)');
  });
});
