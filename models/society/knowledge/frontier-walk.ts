import type { Rng } from '../../../sim/index.js';
import { mergeIntoFrontier, UNCOUNTED, type Frontier } from './frontier.js';
import type { MonthLinks } from './month-links.js';

/**
 * A month's walks over innovations' frontiers (knowledge/diffusion.ts calls them, one innovation
 * at a time, in order): who adopts, and how the frontiers' counted offers follow adoptions and
 * changed links. Holds only scratch that lasts a month or a walk; who knows what stays with the stock.
 */
export class FrontierWalk {
  /** Communities this month (set by `startMonth`). */
  private communities = 0;
  /** Who is adopting the walked innovation this month. */
  private adopting = new Uint8Array(0);
  /** Where a community sits in the frontier being walked, valid where `placedIn` holds the walk's number (`walks`). */
  private place = new Int32Array(0);
  private placedIn = new Int32Array(0);
  private walks = 0;
  private readonly rejoining: number[] = [];
  private readonly rejoiningOffers: number[] = [];
  /** The month's changed communities as bits, each one's place in the month's list, and the knowers found among them. */
  private changedBits = new Uint32Array(0);
  private changedAt = new Int32Array(0);
  private knowerAt = new Int32Array(0);

  /**
   * Readies a month's walks: room for `capacity` communities, and the month's changed communities
   * marked in `changedBits` (with each one's place in `changedAt`) for `changedKnowers`.
   */
  startMonth(capacity: number, communities: number, changed: readonly number[]): void {
    if (this.adopting.length < capacity) {
      this.adopting = new Uint8Array(capacity);
      this.place = new Int32Array(capacity);
      this.placedIn = new Int32Array(capacity);
    }
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
   * The month's adopters of one innovation, ascending: each knower's links in turn, in
   * ascending order, an offer to each neighbour that lacks it (and is not adopting it already
   * this month), each offer taken with chance `rate`. Offers succeed independently, so the
   * offers refused before the next success are a geometric count: one draw per adoption (and
   * one to start) gives the same law as one per offer, at a fraction of the draws (rates are a
   * few in a hundred). Knowers with no lacking neighbour make no offer, so walking only the
   * frontier makes the same offers in the same order as walking every community.
   *
   * A member whose counted offers (`Frontier.offers`) would all be refused is passed over
   * without walking its links: most members are, since adoptions are a few in a hundred offers.
   * Only members where an adoption falls, and those not yet counted, are walked link by link
   * (which counts them). An adoption takes one offer from each of the adopter's neighbours that
   * know the innovation (links go both ways), found through `place`: from then on, this month
   * and the next, they would not offer it to the adopter. Members left with no offer leave.
   */
  offers(known: Uint32Array, frontier: Frontier, rate: number, rng: Rng, links: MonthLinks): number[] {
    const adopting = this.adopting;
    const { start, targets } = links;
    const adopters: number[] = [];
    const { members, offers } = frontier;
    const size = frontier.size;
    const logRefusal = Math.log1p(-rate);
    // Offers still to be refused before the next success; −1 until the first offer draws it.
    let refusals = -1;
    // Whether `place` holds this walk's members (set at its first adoption).
    let placed = false;
    for (let i = 0; i < size; i++) {
      const counted = offers[i]!;
      if (counted === 0) continue;
      if (counted > 0) {
        if (refusals < 0) refusals = refusalsBeforeSuccess(rng, logRefusal);
        if (refusals >= counted) {
          refusals -= counted;
          continue;
        }
      }
      const c = members[i]!;
      const end = start[c + 1]!;
      let refused = 0;
      for (let n = start[c]!; n < end; n++) {
        const neighbour = targets[n]!;
        if ((known[neighbour >>> 5]! >>> (neighbour & 31)) & 1) continue;
        if (adopting[neighbour]) continue;
        if (refusals < 0) refusals = refusalsBeforeSuccess(rng, logRefusal);
        if (refusals > 0) {
          refusals--;
          refused++;
          continue;
        }
        adopting[neighbour] = 1;
        adopters.push(neighbour);
        if (!placed) placed = this.placeMembers(frontier);
        this.withdrawOffersTo(neighbour, known, offers, links);
        refusals = refusalsBeforeSuccess(rng, logRefusal);
      }
      // What it offered and was refused is still lacking next month; what it (or any) adopted is not.
      offers[i] = refused;
    }
    let kept = 0;
    for (let i = 0; i < size; i++) {
      if (offers[i] === 0) continue;
      members[kept] = members[i]!;
      offers[kept++] = offers[i]!;
    }
    frontier.size = kept;
    for (const adopter of adopters) adopting[adopter] = 0;
    return ascending(adopters);
  }

  /** Notes where each of the frontier's members sits, for `withdrawOffersTo`, under a new walk's number. */
  private placeMembers(frontier: Frontier): true {
    const walk = ++this.walks;
    const { place, placedIn } = this;
    const members = frontier.members;
    for (let i = 0; i < frontier.size; i++) {
      place[members[i]!] = i;
      placedIn[members[i]!] = walk;
    }
    return true;
  }

  /** The adopter's knowing neighbours on the frontier each make one offer fewer (one per link). */
  private withdrawOffersTo(adopter: number, known: Uint32Array, offers: Int32Array, links: MonthLinks): void {
    const { start, targets } = links;
    const { place, placedIn, walks } = this;
    const end = start[adopter + 1]!;
    for (let n = start[adopter]!; n < end; n++) {
      const neighbour = targets[n]!;
      if (!((known[neighbour >>> 5]! >>> (neighbour & 31)) & 1) || placedIn[neighbour] !== walks) continue;
      const at = place[neighbour]!;
      if (offers[at]! > 0) offers[at]!--;
    }
  }

  /**
   * Knowers among the communities whose links changed: each one's offers change by the lacking
   * neighbours it gained less those it lost (`MonthLinks.gained`, `lost`), so a count stays exact
   * without walking its links. One off the frontier had none to lose (it had no offer to make);
   * it joins when it gained some.
   */
  rejoin(known: Uint32Array, frontier: Frontier, changed: readonly number[], links: MonthLinks): void {
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
    mergeIntoFrontier(frontier, this.rejoining, joining, this.rejoiningOffers);
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
 * Failures before the first success in independent trials that each succeed with chance p,
 * given log(1 − p): ⌊log(U) / log(1 − p)⌋ for U uniform in (0, 1] (inversion of the geometric
 * law). Certain success (p = 1, log −∞) needs no failure.
 */
export function refusalsBeforeSuccess(rng: Rng, logRefusal: number): number {
  if (logRefusal === -Infinity) return 0;
  return Math.floor(Math.log(1 - rng.next()) / logRefusal);
}

/**
 * Sorts a month's adopters of one innovation ascending, in place: usually a few, which an
 * insertion sort orders faster than a sort with a comparator; many (a high rate) by the latter.
 */
function ascending(list: number[]): number[] {
  if (list.length > 32) return list.sort((a, b) => a - b);
  for (let i = 1; i < list.length; i++) {
    const value = list[i]!;
    let j = i;
    while (j > 0 && list[j - 1]! > value) {
      list[j] = list[j - 1]!;
      j--;
    }
    list[j] = value;
  }
  return list;
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
