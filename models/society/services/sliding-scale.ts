/**
 * Each community's share of a syndicate's fee, on a sliding scale: weight = population ×
 * (wealth per head / mean wealth per head)^elasticity. With elasticity 0 every person pays
 * the same; with 1 in proportion to wealth. Per head, a poorer community never pays more
 * than a richer one (the weight per head rises with wealth per head). Shares sum to 1.
 */
export function slidingShares(populations: ArrayLike<number>, wealthPerHead: ArrayLike<number>, elasticity: number): Float64Array {
  const shares = new Float64Array(populations.length);
  slidingSharesInto(populations, wealthPerHead, populations.length, elasticity, shares);
  return shares;
}

/**
 * `slidingShares` over the first `n` entries, written into `shares` (a buffer the caller
 * reuses, so a month of fees allocates nothing per syndicate).
 */
export function slidingSharesInto(populations: ArrayLike<number>, wealthPerHead: ArrayLike<number>, n: number, elasticity: number, shares: Float64Array): void {
  let persons = 0;
  let wealth = 0;
  for (let i = 0; i < n; i++) {
    persons += populations[i]!;
    wealth += populations[i]! * Math.max(0, wealthPerHead[i]!);
  }
  if (persons <= 0) {
    shares.fill(0, 0, n);
    return;
  }
  // When nobody owns anything the scale has nothing to slide on: everyone pays per head.
  const meanWealth = wealth / persons;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const relative = meanWealth > 0 ? Math.max(0, wealthPerHead[i]!) / meanWealth : 1;
    shares[i] = populations[i]! * Math.pow(relative, elasticity);
    total += shares[i]!;
  }
  for (let i = 0; i < n; i++) shares[i] = total > 0 ? shares[i]! / total : populations[i]! / persons;
}
