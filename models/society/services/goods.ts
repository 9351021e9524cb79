/** Goods held by a fund, a budget or a purse. */
export interface Goods {
  food: number;
  manufactures: number;
}

/**
 * Food-equivalents of a manufactures unit: the ratio of their labour costs at full effort
 * (a fixed yardstick, so a fee does not change with one community's prices).
 */
export function manufacturesInFood(foodProductivity: number, manufacturesProductivity: number): number {
  return manufacturesProductivity > 0 ? foodProductivity / manufacturesProductivity : 0;
}

/** What goods are worth in food-equivalents. */
export function worth(goods: Goods, ratio: number): number {
  return Math.max(0, goods.food) + ratio * Math.max(0, goods.manufactures);
}

/**
 * Moves up to `value` food-equivalents from one holder to another, the same share of each
 * good (so a holder's mix, and what each later payment receives, does not depend on the
 * order payments are made in); returns the value moved. A transfer: nothing is created or destroyed.
 */
export function moveValue(from: Goods, to: Goods, value: number, ratio: number): number {
  const available = worth(from, ratio);
  if (value <= 0 || available <= 0) return 0;
  const share = Math.min(1, value / available);
  const food = Math.max(0, from.food) * share;
  const manufactures = Math.max(0, from.manufactures) * share;
  from.food -= food;
  to.food += food;
  from.manufactures -= manufactures;
  to.manufactures += manufactures;
  return food + ratio * manufactures;
}

/**
 * `moveValue` from a holder kept as two columns (its food and manufactures at index `slot`), with the
 * same arithmetic in the same order, so every result is the same to the last bit.
 */
export function moveValueFromColumns(food: Float64Array, manufactures: Float64Array, slot: number, to: Goods, value: number, ratio: number): number {
  const heldFood = Math.max(0, food[slot]!);
  const heldManufactures = Math.max(0, manufactures[slot]!);
  const available = heldFood + ratio * heldManufactures;
  if (value <= 0 || available <= 0) return 0;
  const share = Math.min(1, value / available);
  const movedFood = heldFood * share;
  const movedManufactures = heldManufactures * share;
  food[slot] = food[slot]! - movedFood;
  to.food += movedFood;
  manufactures[slot] = manufactures[slot]! - movedManufactures;
  to.manufactures += movedManufactures;
  return movedFood + ratio * movedManufactures;
}

/** Takes up to `value` food-equivalents out of a holder (the same share of each good); returns what was taken of each good. */
export function takeValue(from: Goods, value: number, ratio: number): Goods {
  const taken: Goods = { food: 0, manufactures: 0 };
  moveValue(from, taken, value, ratio);
  return taken;
}
