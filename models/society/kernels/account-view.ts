import type { KernelScope } from '../../../sim/index.js';
import { cachedView } from '../../../sim/index.js';

/**
 * The communities' accounts as the kernels see them (communities/account-columns.ts): `food`,
 * `manufactures` and `credit` two slots per community (`2 × c` the fund, `2 × c + 1` the
 * taxes), the collective's `capital`, `stock` and `loan` one (`c`); rebuilt only when the
 * scope's arrays were replaced (the columns grew).
 */
export const accountView = cachedView((scope: KernelScope) => {
  const a = scope.arrays;
  return {
    food: a['accounts.food'] as Float64Array, manufactures: a['accounts.manufactures'] as Float64Array, credit: a['accounts.credit'] as Float64Array,
    capital: a['accounts.capital'] as Float64Array, stock: a['accounts.stock'] as Float64Array, loan: a['accounts.loan'] as Float64Array,
  };
});

/** The columns `accountView` gives. */
export type AccountArrays = ReturnType<typeof accountView>;
