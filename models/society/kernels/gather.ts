import { gatherBytes, gatherHalves, gatherWordPairs, gatherWords, type Kernel, type KernelScope } from '../../../sim/index.js';

/**
 * Gathering rows into member order (`Society.gatherRowsIfDue`), one column at a time, on every
 * thread: `Table.permute` copies the column into scratch (`gather.from`), then each community's
 * member places k take element members.rows[k] of the copy (`gather.to` is the column itself).
 * Each place is written once, from the copy, so communities may run in any order on any thread.
 * One kernel per element width, so each loop sees one array type.
 */
function gatherCommunity<T>(scope: KernelScope, c: number, loop: (to: T, from: T, order: Int32Array, start: number, end: number) => void): void {
  const start = scope.arrays['members.start'] as Int32Array;
  loop(scope.arrays['gather.to'] as T, scope.arrays['gather.from'] as T, scope.arrays['members.rows'] as Int32Array, start[c]!, start[c + 1]!);
}

export const GATHER_KERNELS: readonly Kernel[] = [
  { name: 'gather.bytes', streams: [], run: (scope, c) => gatherCommunity(scope, c, gatherBytes) },
  { name: 'gather.halves', streams: [], run: (scope, c) => gatherCommunity(scope, c, gatherHalves) },
  { name: 'gather.words', streams: [], run: (scope, c) => gatherCommunity(scope, c, gatherWords) },
  { name: 'gather.pairs', streams: [], run: (scope, c) => gatherCommunity(scope, c, gatherWordPairs) },
];

/** The kernel that gathers a column of this element type and width (see `ColumnGather`). */
export function gatherKernel(to: Uint8Array | Uint16Array | Int32Array, words: 1 | 2): string {
  if (to instanceof Uint8Array) return 'gather.bytes';
  if (to instanceof Uint16Array) return 'gather.halves';
  return words === 1 ? 'gather.words' : 'gather.pairs';
}
