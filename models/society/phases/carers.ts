/**
 * Each member's carer this month, by position in the members index (k, as in
 * `members.rows[k]`): the carer's row for a dependant who has one, −1 for everyone else
 * (workers, and dependants with no carer). `distribute` writes it, `consume` reads it, both
 * walking members in order; no member moves in between.
 */
export const carers = { rowAt: new Int32Array(0) };

/** Makes room for `members` entries (grown by a quarter beyond, as `Members` grows). */
export function ensureCarers(members: number): void {
  if (carers.rowAt.length >= members) return;
  carers.rowAt = new Int32Array(Math.ceil(members * 1.25));
}
