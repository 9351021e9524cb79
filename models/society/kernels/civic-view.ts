import type { KernelScope } from '../../../sim/index.js';
import { cachedView } from '../../../sim/index.js';

/**
 * The communities' policy numbers and governance records' numbers as the kernels see them
 * (communities/civic-columns.ts), one slot per community; rebuilt only when the scope's
 * arrays were replaced (the columns grew).
 */
export const civicView = cachedView((scope: KernelScope) => {
  const a = scope.arrays;
  return {
    sharing: a['civic.sharing'] as Float64Array, commonsRate: a['civic.commonsRate'] as Float64Array, exitShare: a['civic.exitShare'] as Float64Array,
    fundPayout: a['civic.fundPayout'] as Float64Array, admission: a['civic.admission'] as Float64Array,
    detection: a['civic.detection'] as Float64Array, enforcement: a['civic.enforcement'] as Float64Array,
    freeRiding: a['civic.freeRiding'] as Float64Array, unpunished: a['civic.unpunished'] as Float64Array, cooperation: a['civic.cooperation'] as Float64Array,
    welfare: a['civic.welfare'] as Float64Array, shortfall: a['civic.shortfall'] as Float64Array, arrivals: a['civic.arrivals'] as Float64Array,
  };
});
