/**
 * Service quality from a month's spending: q = (1−s)·B / ((1−s)·B + c0·N^(1−η)). Skimming
 * (s) takes part of the spending away; economies of scale (η) make a person served cheaper
 * in a large region. 0 when nothing is spent or nobody is served.
 */
export function serviceQuality(spending: number, skimShare: number, costScale: number, served: number, economiesOfScale: number): number {
  const delivered = (1 - skimShare) * Math.max(0, spending);
  if (delivered <= 0 || served <= 0) return 0;
  return delivered / (delivered + costScale * Math.pow(served, 1 - economiesOfScale));
}

/** The spending that buys quality q for N served (the inverse of serviceQuality; ∞ at q ≥ 1). */
export function spendingFor(quality: number, skimShare: number, costScale: number, served: number, economiesOfScale: number): number {
  if (quality <= 0) return 0;
  if (quality >= 1 || skimShare >= 1) return Infinity;
  const cost = costScale * Math.pow(served, 1 - economiesOfScale);
  return (quality * cost) / ((1 - quality) * (1 - skimShare));
}
