import type { Rng } from '../../../sim/index.js';
import { mergeIntoFrontier, newFrontier, UNCOUNTED, type Frontier } from './frontier.js';
import { MonthLinks, type LinkSource } from './month-links.js';
import { SECTORS, type Innovation } from './innovation.js';

/** How innovations cross a link this month. */
export interface DiffusionRules {
  /** Chance per link per month an innovation free to copy is adopted. */
  diffusionRate: number;
  /** Chance per link per month a patented one is licensed. */
  licenceRate: number;
  step: number;
  /**
   * Whether a community has members. One without has no links and never learns, so an
   * innovation every living community knows stops spreading (it is set aside, not lost:
   * should a new community inherit from one that lacks it, it spreads again). Absent: all live.
   */
  living?: (community: number) => boolean;
}

interface Tracked {
  innovation: Innovation;
  /** Arrival order: innovations spread in the order they arose. */
  order: number;
  /** Who knows it (one bit per community, room for more: see `hasBit`) while it spreads; null while set aside. */
  known: Uint32Array | null;
  knownBy: number;
  /** Knowers that may still offer it (frontier.ts), while it spreads. */
  frontier: Frontier;
}

/** A community found without members: what it lacked then (it learns nothing after). */
interface Dead {
  /** Innovations arriving from this order on: it lacks them all. */
  since: number;
  /** Those spreading when it was found dead that it lacked. */
  lacked: Set<Tracked>;
}

/**
 * Who knows which innovation, and the technology it gives each community per sector. An
 * innovation stays tracked until every community knows it, then only its effect remains;
 * once every living one knows it, it is set aside and costs nothing a month.
 */
export class KnowledgeStock {
  /** Technology per community and sector (row-major: community * SECTORS + sector), 1 at the start; may hold spare rows. */
  tech: Float64Array;
  private tracked: Tracked[] = [];
  private readonly byId = new Map<number, Tracked>();
  private readonly asleep = new Set<Tracked>();
  private readonly dead = new Map<number, Dead>();
  private communities: number;
  private capacity: number;
  private arrivals = 0;
  private adopting = new Uint8Array(0);
  /** Where a community sits in the frontier being walked, valid where `placedIn` holds the walk's number (`walks`). */
  private place = new Int32Array(0);
  private placedIn = new Int32Array(0);
  private walks = 0;
  /** The month's links, flattened, and whose changed since the month before. */
  private readonly links = new MonthLinks();
  private readonly rejoining: number[] = [];
  private readonly rejoiningOffers: number[] = [];
  /** The month's changed communities as bits, each one's place in the month's list, and the knowers found among them. */
  private changedBits = new Uint32Array(0);
  private changedAt = new Int32Array(0);
  private knowerAt = new Int32Array(0);

  constructor(communities: number) {
    this.communities = this.capacity = communities;
    this.tech = new Float64Array(communities * SECTORS).fill(1);
  }

  /** Communities it tracks. */
  get size(): number {
    return this.communities;
  }

  /** Innovations still spreading. */
  get spreading(): number {
    return this.tracked.length;
  }

  /** Technology of a community in a sector. */
  level(community: number, sector: number): number {
    return this.tech[community * SECTORS + sector]!;
  }

  /** Mean of the sectors' technology for a community. */
  meanLevel(community: number): number {
    let total = 0;
    for (let s = 0; s < SECTORS; s++) total += this.level(community, s);
    return total / SECTORS;
  }

  /** Whether a community knows an innovation (true for retired ones: everyone does). */
  knows(community: number, innovationId: number): boolean {
    const entry = this.byId.get(innovationId);
    if (!entry) return true;
    if (entry.known) return hasBit(entry.known, community);
    const dead = this.dead.get(community);
    return community < this.communities && !(dead && lacks(dead, entry));
  }

  /** How many communities know an innovation. */
  knownBy(innovationId: number): number {
    const entry = this.byId.get(innovationId);
    if (!entry) return this.communities;
    if (entry.known) return entry.knownBy;
    let lacking = 0;
    for (const dead of this.dead.values()) if (lacks(dead, entry)) lacking++;
    return this.communities - lacking;
  }

  /** A new innovation: its origin knows it and gains from it. */
  add(innovation: Innovation): void {
    const entry: Tracked = { innovation, order: this.arrivals++, known: bitsFor(this.capacity), knownBy: 0, frontier: newFrontier() };
    this.tracked.push(entry);
    this.byId.set(innovation.id, entry);
    this.learn(entry, innovation.origin);
    mergeIntoFrontier(entry.frontier, [innovation.origin], 1);
  }

  /** A new community (e.g. a split) starting with what its parent knows. */
  addCommunity(parent: number): number {
    // What a memberless parent lacks, its child lacks too: that innovation has someone to reach again.
    const dead = this.dead.get(parent);
    if (dead) for (const entry of [...this.asleep]) if (lacks(dead, entry)) this.wake(entry);
    const child = this.communities++;
    if (this.communities > this.capacity) this.grow(Math.max(this.communities, Math.ceil(this.capacity * 1.25)));
    for (let s = 0; s < SECTORS; s++) this.tech[child * SECTORS + s] = this.level(parent, s);
    for (const entry of this.tracked) {
      if (!hasBit(entry.known!, parent)) continue;
      setBit(entry.known!, child);
      entry.knownBy++;
    }
    return child;
  }

  /**
   * One month of spread: for each innovation (in id order), each knower offers it across each
   * of its links; a neighbour adopts with the diffusion rate once the patent has ended, or the
   * licence rate before. Adoptions take effect after the month's offers (no chains within a
   * month). `onLicence` hears of each licence (holder = origin). Returns adoptions made.
   */
  diffuse(links: LinkSource, rules: DiffusionRules, rng: Rng, onLicence?: (innovation: Innovation, licensee: number) => void): number {
    if (this.adopting.length < this.capacity) {
      this.adopting = new Uint8Array(this.capacity);
      this.place = new Int32Array(this.capacity);
      this.placedIn = new Int32Array(this.capacity);
    }
    if (rules.living) this.census(rules.living);
    // Knowers whose links changed may have gained a neighbour that lacks what they know.
    const changed = this.links.read(links, this.communities);
    this.markChanged(changed);
    let adoptions = 0;
    for (const entry of this.tracked) {
      this.rejoinFrontier(entry, changed);
      const patented = rules.step < entry.innovation.expires;
      const rate = patented ? rules.licenceRate : rules.diffusionRate;
      if (rate <= 0) continue;
      const adopters = this.offers(entry, rate, rng);
      for (const adopter of adopters) {
        this.learn(entry, adopter);
        if (patented) onLicence?.(entry.innovation, adopter);
        adoptions++;
      }
      mergeIntoFrontier(entry.frontier, adopters, adopters.length);
    }
    this.tracked = this.tracked.filter((entry) => this.stillSpreading(entry, rules.living !== undefined));
    return adoptions;
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
  private offers(entry: Tracked, rate: number, rng: Rng): number[] {
    const known = entry.known!;
    const adopting = this.adopting;
    const { start, targets } = this.links;
    const adopters: number[] = [];
    const frontier = entry.frontier;
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
        this.withdrawOffersTo(neighbour, known, offers);
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
  private withdrawOffersTo(adopter: number, known: Uint32Array, offers: Int32Array): void {
    const { start, targets } = this.links;
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
  private rejoinFrontier(entry: Tracked, changed: readonly number[]): void {
    const known = entry.known!;
    const frontier = entry.frontier;
    const { members, offers, size } = frontier;
    const { gained, lost } = this.links;
    const knowers = this.changedKnowers(known, changed);
    let joining = 0;
    let f = 0;
    for (let i = 0; i < knowers; i++) {
      const k = this.knowerAt[i]!;
      const c = changed[k]!;
      let change = 0;
      for (let g = gained.start[k]!; g < gained.start[k + 1]!; g++) change += lacking(known, gained.list[g]!);
      for (let l = lost.start[k]!; l < lost.start[k + 1]!; l++) change -= lacking(known, lost.list[l]!);
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

  /** Marks the month's changed communities in `changedBits` (and each one's place in `changedAt`) for `changedKnowers`. */
  private markChanged(changed: readonly number[]): void {
    const words = (this.communities + 31) >>> 5;
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

  /** Notes who is newly without members (and what they lack), and wakes what a revived one lacks. */
  private census(living: (community: number) => boolean): void {
    for (let c = 0; c < this.communities; c++) {
      const dead = this.dead.get(c);
      if (living(c)) {
        if (!dead) continue;
        // Woken while still listed as dead, so the rebuilt flags show it lacking them.
        for (const entry of [...this.asleep]) if (lacks(dead, entry)) this.wake(entry);
        this.dead.delete(c);
      } else if (!dead) {
        const lacked = new Set<Tracked>();
        for (const entry of this.tracked) if (!hasBit(entry.known!, c)) lacked.add(entry);
        this.dead.set(c, { since: this.arrivals, lacked });
      }
    }
  }

  /** Keeps an innovation spreading unless every community knows it (retired) or every living one does (set aside). */
  private stillSpreading(entry: Tracked, knowsLiving: boolean): boolean {
    if (entry.knownBy >= this.communities) {
      this.byId.delete(entry.innovation.id);
      return false;
    }
    if (!knowsLiving || entry.knownBy + this.dead.size < this.communities) return true;
    const known = entry.known!;
    for (let c = 0; c < this.communities; c++) if (!hasBit(known, c) && !this.dead.has(c)) return true;
    entry.known = null;
    this.asleep.add(entry);
    return false;
  }

  /** Puts a set-aside innovation back among the spreading, with who knows it rebuilt. */
  private wake(entry: Tracked): void {
    const known = bitsFor(this.capacity);
    for (let c = 0; c < this.communities; c++) setBit(known, c);
    let knownBy = this.communities;
    for (const [c, dead] of this.dead) {
      if (c < this.communities && lacks(dead, entry)) {
        clearBit(known, c);
        knownBy--;
      }
    }
    const everyKnower: number[] = [];
    for (let c = 0; c < this.communities; c++) if (hasBit(known, c)) everyKnower.push(c);
    const frontier = newFrontier();
    mergeIntoFrontier(frontier, everyKnower, everyKnower.length);
    Object.assign(entry, { known, knownBy, frontier });
    this.asleep.delete(entry);
    let at = this.tracked.length;
    while (at > 0 && this.tracked[at - 1]!.order > entry.order) at--;
    this.tracked.splice(at, 0, entry);
  }

  /** Room for more communities: technology and every spreading innovation's flags, grown by a factor. */
  private grow(capacity: number): void {
    const tech = new Float64Array(capacity * SECTORS);
    tech.set(this.tech);
    this.tech = tech;
    for (const entry of this.tracked) {
      const known = bitsFor(capacity);
      known.set(entry.known!);
      entry.known = known;
    }
    this.capacity = capacity;
  }

  private learn(entry: Tracked, community: number): void {
    setBit(entry.known!, community);
    entry.knownBy++;

    const cell = community * SECTORS + entry.innovation.sector;
    this.tech[cell] = this.tech[cell]! * (1 + entry.innovation.gain);
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

/** Whether a community found dead lacks an innovation. */
function lacks(dead: Dead, entry: Tracked): boolean {
  return entry.order >= dead.since || dead.lacked.has(entry);
}

/**
 * Who knows an innovation, one bit per community: a byte each made the month's walk over every
 * spreading innovation's flags miss the caches at a million persons (thousands of innovations
 * spreading among some ten thousand communities).
 */
function bitsFor(communities: number): Uint32Array {
  return new Uint32Array(Math.ceil(communities / 32));
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

function hasBit(bits: Uint32Array, c: number): boolean {
  return ((bits[c >>> 5]! >>> (c & 31)) & 1) === 1;
}

function setBit(bits: Uint32Array, c: number): void {
  bits[c >>> 5]! |= 1 << (c & 31);
}

function clearBit(bits: Uint32Array, c: number): void {
  bits[c >>> 5]! &= ~(1 << (c & 31));
}
