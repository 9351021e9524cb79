/**
 * How well users keep their land: their civic norm times how far they can hold each other
 * to account (1 in a group small enough to track, falling as D/N beyond it). 0..1.
 */
export function stewardshipLevel(civicNorm: number, groupSize: number, trackableGroup: number, bySize: boolean): number {
  const accountability = bySize && groupSize > trackableGroup ? trackableGroup / groupSize : 1;
  return Math.max(0, Math.min(1, civicNorm * accountability));
}

/**
 * Stewardship under the land tenure: with landlords the proprietors, as residual claimants of
 * the land's value, tend it at least at `ownerStewardship` whatever the users' norms (Demsetz
 * 1967); under usufruct only the users' own stewardship counts.
 */
export function tenureStewardship(usersLevel: number, landlords: boolean, ownerStewardship: number): number {
  return landlords ? Math.max(usersLevel, ownerStewardship) : usersLevel;
}

/** The land a community tends: per-cell stock, carrying capacity, the capacity it started with, and each cell's user. */
export interface TendedLand {
  resource: Float32Array;
  capacity: Float32Array;
  original: Float32Array;
  /** The community using each cell (-1: nobody). */
  user: Int32Array;
}

/**
 * One month of land care on the cells `cells[from … to−1]` that community `holder` holds (a
 * listed cell it has let go, after it was abandoned, is no longer its to tend). A stock held
 * below half its capacity — where logistic regrowth peaks, so below it extraction has outrun
 * regrowth — wears the capacity down by `degradation` per unit of the shortfall; stewardship
 * restores lost capacity at `restoration × level` a month. Returns the resource destroyed
 * where a lowered capacity falls below the stock (a sink for the books). Each cell has one
 * user, so communities' calls touch disjoint cells and may run on different threads.
 */
export function tendLand(land: TendedLand, cells: ArrayLike<number>, from: number, to: number, holder: number, level: number, degradation: number, restoration: number): number {
  let destroyed = 0;
  for (let i = from; i < to; i++) {
    const cell = cells[i]!;
    if (land.user[cell] !== holder) continue;
    const original = land.original[cell]!;
    let capacity = land.capacity[cell]!;
    const shortfall = capacity / 2 - land.resource[cell]!;
    if (shortfall > 0) capacity -= degradation * shortfall;
    capacity += restoration * level * (original - capacity);
    capacity = Math.max(0, Math.min(original, capacity));
    land.capacity[cell] = capacity;
    // Compare with the stored (single-precision) capacity so the books see exactly what moved.
    const stored = land.capacity[cell]!;
    if (land.resource[cell]! > stored) {
      destroyed += land.resource[cell]! - stored;
      land.resource[cell] = stored;
    }
  }
  return destroyed;
}
