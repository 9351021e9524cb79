/**
 * Kernels that run over fixed blocks of a list (cells, member places) rather than communities:
 * block b covers items b × size … (b+1) × size − 1. The blocks do not depend on the threads, so
 * neither do results added up block by block.
 */

const bounds = new Map<number, Int32Array>();

/** Cumulative bounds of `blocks` blocks of `size` (length blocks + 1), as `ShardRunner.run` takes them: equal weights. */
export function blockBounds(blocks: number, size: number): Int32Array {
  let cached = bounds.get(size);
  if (!cached || cached.length !== blocks + 1) {
    cached = new Int32Array(blocks + 1);
    for (let b = 0; b <= blocks; b++) cached[b] = b * size;
    bounds.set(size, cached);
  }
  return cached;
}
