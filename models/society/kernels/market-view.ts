import type { KernelScope } from '../../../sim/index.js';
import { cachedView } from '../../../sim/index.js';

/**
 * The communities' markets as the kernels see them (communities/market-columns.ts): two slots
 * per community, `2 × c` for food and `2 × c + 1` for manufactures; rebuilt only when the
 * scope's arrays were replaced (the columns grew).
 */
export const marketView = cachedView((scope: KernelScope) => {
  const a = scope.arrays;
  return {
    labourCost: a['markets.labourCost'] as Float64Array, productivity: a['markets.productivity'] as Float64Array, output: a['markets.output'] as Float64Array,
    markup: a['markets.markup'] as Float64Array, price: a['markets.price'] as Float64Array, unmet: a['markets.unmet'] as Float64Array,
    unsold: a['markets.unsold'] as Float64Array, hours: a['markets.hours'] as Float64Array,
  };
});

/** The columns `marketView` gives. */
export type MarketArrays = ReturnType<typeof marketView>;
