/**
 * Service quality from a month's spending: q = (1−s)·B / ((1−s)·B + c0·N^(1−η)). Skimming
 * (s) takes part of the spending away; economies of scale (η) make a person served cheaper
 * in a large region. 0 when nothing is spent or nobody is served.
 */
export function serviceQuality(spending: number, skimShare: number, costScale: number, served: number, economiesOfScale: number): number {
  const delivered = (1 - skimShare) * Math.max(0, spending);
  if (delivered <= 0 || served <= 0) return 0;
  return delivered / (delivered + costScale * servedPower(served, 1 - economiesOfScale));
}

/** Whole numbers served below this have their power kept (a community's schools serve its few hundred members). */
const POWERS_KEPT = 1 << 16;
/** served^exponent for whole `served` below POWERS_KEPT, NaN where not yet computed, for `keptExponent`. */
const keptPowers = new Float64Array(POWERS_KEPT).fill(Number.NaN);
let keptExponent = Number.NaN;

/**
 * served^exponent, Math.pow's own number. At a million persons some twenty thousand syndicates
 * (a school for every community) ask for it every month, mostly for the same few hundred head
 * counts, and Math.pow takes about 60 ns; the values are kept by head count for the run's exponent.
 */
function servedPower(served: number, exponent: number): number {
  if (served >= POWERS_KEPT || !Number.isInteger(served)) return Math.pow(served, exponent);
  if (exponent !== keptExponent) {
    keptPowers.fill(Number.NaN);
    keptExponent = exponent;
  }
  let power = keptPowers[served]!;
  if (Number.isNaN(power)) keptPowers[served] = power = Math.pow(served, exponent);
  return power;
}

/** The spending that buys quality q for N served (the inverse of serviceQuality; ∞ at q ≥ 1). */
export function spendingFor(quality: number, skimShare: number, costScale: number, served: number, economiesOfScale: number): number {
  if (quality <= 0) return 0;
  if (quality >= 1 || skimShare >= 1) return Infinity;
  const cost = costScale * Math.pow(served, 1 - economiesOfScale);
  return (quality * cost) / ((1 - quality) * (1 - skimShare));
}
