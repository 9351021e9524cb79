import type { NamedPhase } from '../../../sim/index.js';
import { REGROW_BLOCK, REGROW_OUT } from '../kernels/land.js';
import type { Society } from '../society.js';

/**
 * Logistic regrowth of every cell's resource toward its capacity. A source; no randomness.
 * The work is the `regrow.block` kernel (kernels/land.ts), over blocks of cells.
 */
export const regrow: NamedPhase<Society> = {
  name: 'regrow',
  run(society) {
    const { shards } = society;
    const blocks = Math.ceil(society.land.resource.length / REGROW_BLOCK);
    shards.array(REGROW_OUT, Float64Array, blocks);
    shards.run('regrow.block', blocks, blockBounds(blocks));
    const out = shards.array(REGROW_OUT, Float64Array, blocks);
    let grown = 0;
    for (let b = 0; b < blocks; b++) grown += out[b]!;
    society.ledger.source('resource', 'regrowth', grown);
  },
};

/** Block b's first cell at b × REGROW_BLOCK: equal weights for the threads' shares. */
let bounds = new Int32Array(1);

function blockBounds(blocks: number): Int32Array {
  if (bounds.length !== blocks + 1) {
    bounds = new Int32Array(blocks + 1);
    for (let b = 0; b <= blocks; b++) bounds[b] = b * REGROW_BLOCK;
  }
  return bounds;
}
