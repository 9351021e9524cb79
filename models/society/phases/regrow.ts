import type { NamedPhase } from '../../../sim/index.js';
import { blockBounds } from '../kernels/blocks.js';
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
    shards.run('regrow.block', blocks, blockBounds(blocks, REGROW_BLOCK));
    const out = shards.array(REGROW_OUT, Float64Array, blocks);
    let grown = 0;
    for (let b = 0; b < blocks; b++) grown += out[b]!;
    society.ledger.source('resource', 'regrowth', grown);
  },
};
