/**
 * What production and time do to the land's stock, cell by cell: the harvest a community
 * draws from the cells it holds, and logistic regrowth everywhere. Pure functions over the
 * land's arrays, for the kernels (kernels/land.ts, kernels/produce.ts).
 */

/**
 * Draws `amount` from the cells `cells[from … to−1]` that community `holder` holds, in
 * proportion to their stock (all of it at most); returns what was taken. Each cell has one
 * user, so communities' harvests touch disjoint cells.
 */
export function harvestCells(resource: Float32Array, user: Int32Array, cells: ArrayLike<number>, from: number, to: number, holder: number, amount: number): number {
  let stock = 0;
  for (let i = from; i < to; i++) {
    const cell = cells[i]!;
    if (user[cell] === holder) stock += resource[cell]!;
  }
  if (stock <= 0 || amount <= 0) return 0;
  const share = Math.min(1, amount / stock);
  let taken = 0;
  for (let i = from; i < to; i++) {
    const cell = cells[i]!;
    if (user[cell] !== holder) continue;
    const before = resource[cell]!;
    resource[cell] = before * (1 - share);
    taken += before - resource[cell]!;
  }
  return taken;
}

/** Logistic regrowth of cells [from, to) toward their capacity at `rate` a month; returns the stock added. */
export function regrowCells(resource: Float32Array, capacity: Float32Array, from: number, to: number, rate: number): number {
  let grown = 0;
  for (let cell = from; cell < to; cell++) {
    const cap = capacity[cell]!;
    if (cap <= 0) continue;
    const before = resource[cell]!;
    resource[cell] = Math.min(cap, before + rate * before * (1 - before / cap));
    grown += resource[cell]! - before;
  }
  return grown;
}
