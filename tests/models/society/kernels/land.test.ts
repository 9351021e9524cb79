import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { small } from '../helpers.js';
import { ReversedRunner } from './reversed-runner.js';

/** The land's stock and capacity, bit for bit. */
function landPrint(society: Society): string {
  const { resource, capacity } = society.land;
  return Buffer.from(resource.buffer, resource.byteOffset, resource.byteLength).toString('base64') + Buffer.from(capacity.buffer, capacity.byteOffset, capacity.byteLength).toString('base64');
}

describe('the land kernels', () => {
  it('leave the same land and metrics, bit for bit, whatever order the communities (or blocks of cells) are taken in', () => {
    // Under landlords the owners' care counts; small communities so stewardship varies.
    for (const extra of [{}, { landTenure: 'landlords' }]) {
      const params = small('default', { population: 900, communities: 9, ...extra });
      const inOrder = new Society(params as never, 5);
      const reversed = new Society(params as never, 5);
      const runner = new ReversedRunner(reversed, /^(ecology\.tend|regrow\.block|produce\.output)$/);
      reversed.sharding.use(runner);
      for (let step = 0; step < 12; step++) {
        inOrder.step();
        reversed.step();
        expect(landPrint(reversed)).toBe(landPrint(inOrder));
        expect(reversed.collector.last()).toEqual(inOrder.collector.last());
      }
      expect([...runner.ran].sort()).toEqual(['ecology.tend', 'produce.output', 'regrow.block']);
    }
  });
});
