/**
 * What each member still wants to buy or offers to sell this month, indexed by position in
 * the members index (k, as in `members.rows[k]`), not by row: `exchange` writes them for
 * every member, `trade` reads and draws them down, both walking members in order, so these
 * reads and writes run through memory in sequence. Valid from `exchange` to `trade` (no
 * member moves in between).
 */
export const orders = {
  wantFood: new Float64Array(0),
  offerFood: new Float64Array(0),
  wantManufactures: new Float64Array(0),
  offerManufactures: new Float64Array(0),
};

/** Makes room for `members` entries (grown by a quarter beyond, as `Members` grows). */
export function ensureOrders(members: number): void {
  if (orders.wantFood.length >= members) return;
  const size = Math.ceil(members * 1.25);
  orders.wantFood = new Float64Array(size);
  orders.offerFood = new Float64Array(size);
  orders.wantManufactures = new Float64Array(size);
  orders.offerManufactures = new Float64Array(size);
}
