import type { Rng } from '../../../sim/index.js';
import { mergeIntoFrontier, newFrontier, type Frontier } from './frontier.js';
import { FrontierWalk } from './frontier-walk.js';
import { MonthLinks, type LinkSource } from './month-links.js';
import { SECTORS, type Innovation } from './innovation.js';

export { refusalsBeforeSuccess } from './frontier-walk.js';

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
  /** The month's links, flattened, and whose changed since the month before. */
  private readonly links = new MonthLinks();
  /** A month's walks over the frontiers, with their scratch. */
  private readonly walk = new FrontierWalk();
  /** Communities the month's census found newly without members, not yet listed as dead. */
  private readonly newlyDead: number[] = [];

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
    const child = this.communities;
    this.addCommunities([parent]);
    return child;
  }

  /**
   * New communities, in order, each starting with what its parent knows when it is added (a parent
   * may be one added earlier in the list): the same as `addCommunity` for each in turn. A month
   * founds several at a million persons, and each pass over the spreading innovations reads every
   * one's flags cold, so a run of children whose parents have members is added in one pass.
   */
  addCommunities(parents: readonly number[]): void {
    for (let from = 0; from < parents.length; ) {
      // What a memberless parent lacks, its child lacks too: that innovation has someone to reach again.
      const dead = this.dead.get(parents[from]!);
      if (dead) for (const entry of [...this.asleep]) if (lacks(dead, entry)) this.wake(entry);
      let to = from + 1;
      while (to < parents.length && !this.dead.has(parents[to]!)) to++;
      this.addLivingParents(parents, from, to);
      from = to;
    }
  }

  /** Children of `parents[from … to−1]`, none of them memberless but perhaps the first: one pass over the spreading. */
  private addLivingParents(parents: readonly number[], from: number, to: number): void {
    const first = this.communities;
    for (let k = from; k < to; k++) {
      this.communities++;
      if (this.communities > this.capacity) this.grow(Math.max(this.communities, Math.ceil(this.capacity * 1.25)));
      const child = first + k - from;
      for (let s = 0; s < SECTORS; s++) this.tech[child * SECTORS + s] = this.level(parents[k]!, s);
    }
    for (const entry of this.tracked) {
      const known = entry.known!;
      for (let k = from; k < to; k++) {
        if (!hasBit(known, parents[k]!)) continue;
        setBit(known, first + k - from);
        entry.knownBy++;
      }
    }
  }

  /**
   * One month of spread: for each innovation (in id order), each knower offers it across each
   * of its links; a neighbour adopts with the diffusion rate once the patent has ended, or the
   * licence rate before. Adoptions take effect after the month's offers (no chains within a
   * month). `onLicence` hears of each licence (holder = origin). Returns adoptions made.
   */
  diffuse(links: LinkSource, rules: DiffusionRules, rng: Rng, onLicence?: (innovation: Innovation, licensee: number) => void): number {
    if (rules.living) this.census(rules.living);
    // Knowers whose links changed may have gained a neighbour that lacks what they know.
    const changed = this.links.read(links, this.communities);
    this.walk.startMonth(this.capacity, this.communities, changed);
    let adoptions = 0;
    for (const entry of this.tracked) {
      this.walk.rejoin(entry.known!, entry.frontier, changed, this.links);
      const patented = rules.step < entry.innovation.expires;
      const rate = patented ? rules.licenceRate : rules.diffusionRate;
      if (rate <= 0) continue;
      const adopters = this.walk.offers(entry.known!, entry.frontier, rate, rng, this.links);
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

  /** Notes who is newly without members (and what they lack), and wakes what a revived one lacks. */
  private census(living: (community: number) => boolean): void {
    const newlyDead = this.newlyDead;
    for (let c = 0; c < this.communities; c++) {
      const dead = this.dead.get(c);
      if (living(c)) {
        if (!dead) continue;
        // Woken while still listed as dead, so the rebuilt flags show it lacking them.
        for (const entry of [...this.asleep]) if (lacks(dead, entry)) this.wake(entry);
        this.dead.delete(c);
      } else if (!dead) newlyDead.push(c);
    }
    // Those newly dead are listed after the wakes, all in one pass: what a wake puts back was known
    // to every living community when it was set aside, so to them too, whichever comes first.
    this.noteDead(newlyDead);
  }

  /** Lists the communities found dead (ascending) as dead, with what each lacks: one pass over the spreading for them all. */
  private noteDead(communities: number[]): void {
    if (communities.length === 0) return;
    const lacked = communities.map(() => new Set<Tracked>());
    for (const entry of this.tracked) {
      const known = entry.known!;
      for (let k = 0; k < communities.length; k++) if (!hasBit(known, communities[k]!)) lacked[k]!.add(entry);
    }
    communities.forEach((c, k) => this.dead.set(c, { since: this.arrivals, lacked: lacked[k]! }));
    communities.length = 0;
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

function hasBit(bits: Uint32Array, c: number): boolean {
  return ((bits[c >>> 5]! >>> (c & 31)) & 1) === 1;
}

function setBit(bits: Uint32Array, c: number): void {
  bits[c >>> 5]! |= 1 << (c & 31);
}

function clearBit(bits: Uint32Array, c: number): void {
  bits[c >>> 5]! &= ~(1 << (c & 31));
}
