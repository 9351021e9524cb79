import type { Kernel, KernelScope } from '../../../sim/index.js';
import { cachedView } from '../../../sim/index.js';
import { stewardshipLevel, tendLand, tenureStewardship } from '../ecology/stewardship.js';
import { regrowCells } from '../land/yield.js';
import type { SocietyParams } from '../params.js';
import { PERSON_SUMS } from './person-sums.js';

/**
 * The land's kernels. Each community tends only the cells it holds (`land.user`), and each
 * cell has one user, so communities write disjoint cells and may run on different threads;
 * regrowth runs over blocks of cells. The phases (phases/ecology.ts, phases/regrow.ts) book
 * the totals, in order.
 */

/** The land's arrays and the flat cell index (land/cell-index.ts), rebuilt only when the scope's arrays were replaced. */
export const landView = cachedView((scope: KernelScope) => {
  const a = scope.arrays;
  return {
    fertility: a['land.fertility'] as Float32Array, water: a['land.water'] as Float32Array, resource: a['land.resource'] as Float32Array, capacity: a['land.capacity'] as Float32Array,
    original: a['land.original'] as Float32Array, user: a['land.user'] as Int32Array,
    start: a['land.cellStart'] as Int32Array, cells: a['land.cells'] as Int32Array,
  };
});

/** ecology.out, per community: the resource destroyed where a lowered capacity fell below the stock. */
export const ECOLOGY_OUT = 'ecology.out';

/**
 * A month's land care on a community's cells: its users' stewardship (their mean civic norm,
 * from `people.sumsOut`, times how well they can hold each other to account; under landlords
 * at least the owners' care), then `tendLand`. Nobody tends an empty community's cells.
 */
export const ecologyTend: Kernel = {
  name: 'ecology.tend',
  streams: [],
  run(scope, c) {
    const out = scope.arrays[ECOLOGY_OUT] as Float64Array;
    const sums = scope.arrays['people.sumsOut'] as Float64Array;
    const heads = sums[c * PERSON_SUMS.stride + PERSON_SUMS.heads]!;
    out[c] = 0;
    if (heads <= 0) return;
    const p = scope.params as unknown as SocietyParams;
    const land = landView(scope);
    const users = stewardshipLevel(sums[c * PERSON_SUMS.stride + PERSON_SUMS.norms]! / heads, heads, p.trackableGroup, p.detectionBySize);
    const level = tenureStewardship(users, p.landTenure === 'landlords', p.ownerStewardship);
    out[c] = tendLand(land, land.cells, land.start[c]!, land.start[c + 1]!, c, level, p.degradation, p.stewardship);
  },
};

/** Cells in a block of regrowth (a kernel's "community" here is a block of cells). */
export const REGROW_BLOCK = 4096;
/** regrow.out, per block: the stock it added. */
export const REGROW_OUT = 'regrow.out';

/** Logistic regrowth of block b's cells toward their capacity. */
export const regrowBlock: Kernel = {
  name: 'regrow.block',
  streams: [],
  run(scope, b) {
    const out = scope.arrays[REGROW_OUT] as Float64Array;
    const land = landView(scope);
    const from = b * REGROW_BLOCK;
    const to = Math.min(land.resource.length, from + REGROW_BLOCK);
    out[b] = regrowCells(land.resource, land.capacity, from, to, (scope.params as unknown as SocietyParams).resourceRegrowth);
  },
};

export const LAND_KERNELS: readonly Kernel[] = [ecologyTend, regrowBlock];
