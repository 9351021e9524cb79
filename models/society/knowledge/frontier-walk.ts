import { mergeIntoFrontier, UNCOUNTED, type Frontier, type FrontierGrowth } from './frontier.js';
import type { MonthLinks } from './month-links.js';

/**
 * How the frontiers' counted offers follow the month's changed links (knowledge/diffusion.ts
 * calls it for each innovation, in order, before the month's walks: knowledge/offers.ts).
 * Holds only scratch that lasts a month; who knows what stays with the stock.
 */
export class FrontierWalk {
  /** Communities this month (set by `startMonth`). */
  private communities = 0;
  private readonly rejoining: number[] = [];
  private readonly rejoiningOffers: number[] = [];
  /** The month's changed communities as bits, each one's place in the month's list, and the knowers found among them. */
  private changedBits = new Uint32Array(0);
  private changedAt = new Int32Array(0);
  private knowerAt = new Int32Array(0);

  /**
   * Readies a month: the month's changed communities marked in `changedBits` (with each one's
   * place in `changedAt`) for `changedKnowers`.
   */
  startMonth(communities: number, changed: readonly number[]): void {
    this.communities = communities;
    const words = (communities + 31) >>> 5;
    if (this.changedBits.length < words) {
      this.changedBits = new Uint32Array(Math.ceil(words * 1.25));
      this.changedAt = new Int32Array(this.changedBits.length * 32);
    }
    this.changedBits.fill(0, 0, words);
    for (let k = 0; k < changed.length; k++) {
      const c = changed[k]!;
      this.changedBits[c >>> 5]! |= 1 << (c & 31);
      this.changedAt[c] = k;
    }
  }

  /**
   * Knowers among the communities whose links changed: each one's offers change by the lacking
   * neighbours it gained less those it lost (`MonthLinks.gained`, `lost`), so a count stays exact
   * without walking its links. One off the frontier had none to lose (it had no offer to make);
   * it joins when it gained some.
   */
  rejoin(known: Uint32Array, frontier: Frontier, changed: readonly number[], links: MonthLinks, grow: FrontierGrowth): void {
    const { members, offers, size } = frontier;
    const { gained, lost } = links;
    const knowers = this.changedKnowers(known, changed);
    let joining = 0;
    let f = 0;
    for (let i = 0; i < knowers; i++) {
      const k = this.knowerAt[i]!;
      const c = changed[k]!;
      let change = 0;
      for (let g = gained.start[k]!; g < gained.start[k + 1]!; g++) change += lacking(known, gained.list[g]!);
      for (let l = lost.start[k]!; l < lost.start[k + 1]!; l++) change -= lacking(known, lost.list[l]!);
      // Nothing to adjust, and nothing to join with (knowers come in ascending order, so the search resumes from f).
      if (change === 0) continue;
      f = firstAtLeast(members, f, size, c);
      if (f < size && members[f] === c) {
        if (offers[f] !== UNCOUNTED) offers[f]! += change;
      } else if (change > 0) {
        this.rejoining[joining] = c;
        this.rejoiningOffers[joining++] = change;
      }
    }
    mergeIntoFrontier(frontier, this.rejoining, joining, this.rejoiningOffers, grow);
  }

  /**
   * Which of the changed communities know the innovation: their places in `changed`, ascending,
   * into `knowerAt`; returns how many. Few changed: each one's flag is looked up. Many (a year's
   * congresses and redraws change a good share of the links): the flags are read 32 at a time,
   * intersected with `changedBits`.
   */
  private changedKnowers(known: Uint32Array, changed: readonly number[]): number {
    if (this.knowerAt.length < changed.length) this.knowerAt = new Int32Array(Math.ceil(changed.length * 1.25));
    const knowerAt = this.knowerAt;
    let count = 0;
    const words = (this.communities + 31) >>> 5;
    if (changed.length < words) {
      for (let k = 0; k < changed.length; k++) {
        const c = changed[k]!;
        if ((known[c >>> 5]! >>> (c & 31)) & 1) knowerAt[count++] = k;
      }
      return count;
    }
    const { changedBits, changedAt } = this;
    for (let w = 0; w < words; w++) {
      let bits = known[w]! & changedBits[w]!;
      while (bits !== 0) {
        const lowest = bits & -bits;
        knowerAt[count++] = changedAt[(w << 5) + 31 - Math.clz32(lowest)]!;
        bits ^= lowest;
      }
    }
    return count;
  }
}

/**
 * The first place at or after `from` in the ascending `list[0 … size−1]` holding `value` or more
 * (`size` if none): steps that double, then a binary search, so a few lookups in a long frontier
 * cost a few comparisons each rather than a walk over it.
 */
function firstAtLeast(list: Int32Array, from: number, size: number, value: number): number {
  if (from >= size || list[from]! >= value) return from;
  let below = from; // list[below] < value
  let step = 1;
  while (below + step < size && list[below + step]! < value) {
    below += step;
    step *= 2;
  }
  let low = below + 1;
  let high = Math.min(below + step, size);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** 1 if community c lacks the innovation (its bit is clear), else 0. */
function lacking(bits: Uint32Array, c: number): number {
  return ((bits[c >>> 5]! >>> (c & 31)) & 1) ^ 1;
}
