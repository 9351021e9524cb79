import { allocateColumn, LocalRunner, Rng, Streams, type KernelArray, type ShardRunner } from '../../../sim/index.js';
import { KnowledgeArena } from './arena.js';
import { mergeIntoFrontier, type Frontier } from './frontier.js';
import { FrontierWalk } from './frontier-walk.js';
import { MonthLinks, type LinkSource } from './month-links.js';
import { SECTORS, type Innovation } from './innovation.js';
import { ADOPTERS_PER_JOB, callerScratch, DIFFUSION_WALK, diffusionWalk, JOB, MONTH, walkJob, walkView } from './offers.js';

export { refusalsBeforeSuccess } from './offers.js';

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
  /** Who knows it (one bit per community, room for more: see `hasBit`; a view of its slot in the arena) while it spreads; null while set aside. */
  known: Uint32Array | null;
  knownBy: number;
  /** Knowers that may still offer it (frontier.ts, a stretch of the arena), while it spreads. */
  frontier: Frontier;
  /** Its slot in the arena (bits and stream) while it spreads; −1 while set aside. */
  slot: number;
  /** Its stream's state while set aside (the slot holds it while it spreads). */
  stream: Float64Array;
}

/** How a stock is built: the run's streams (each innovation spreads on its own) and whether its arrays are shared with threads. */
export interface StockOptions {
  streams?: Streams;
  shared?: boolean;
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
  /** The frontiers' counted offers brought up to date with changed links, with its scratch. */
  private readonly walk = new FrontierWalk();
  /** Each spreading innovation's bits, stream and frontier, where any thread can walk it. */
  private readonly arena: KnowledgeArena;
  private readonly streams: Streams;
  private readonly shared: boolean;
  /** What the walks read, by name (`knowledge.…` to the kernels): the arena's arrays and the month's jobs and links. */
  private readonly arrays: Record<string, KernelArray> = {};
  /** The month's jobs (see offers.ts `JOB`), their innovations, and the weights that share them among threads. */
  private jobs: Int32Array;
  private logRefusal: Float64Array;
  private adopters: Int32Array;
  private readonly month: Int32Array;
  private linkStart: Int32Array;
  private linkTargets: Int32Array;
  private jobEntries: Tracked[] = [];
  private weights = new Int32Array(1);
  private readonly joining: number[] = [];
  /** Walks done again on the calling thread since the stock was built: their adopters outnumbered the kernel's room (offers.ts). */
  rewalks = 0;
  /** Runs the walks when the caller hands no runner (a stock on its own, as in tests). */
  private ownRunner: ShardRunner | null = null;

  constructor(communities: number, options: StockOptions = {}) {
    this.communities = this.capacity = communities;
    this.tech = new Float64Array(communities * SECTORS).fill(1);
    this.streams = options.streams ?? new Streams(0);
    this.shared = options.shared ?? false;
    this.arena = new KnowledgeArena(communities, this.shared);
    this.month = allocateColumn(Int32Array, MONTH.length, this.shared) as Int32Array;
    this.jobs = this.linkStart = this.linkTargets = this.adopters = allocateColumn(Int32Array, 0, this.shared) as Int32Array;
    this.logRefusal = allocateColumn(Float64Array, 0, this.shared) as Float64Array;
  }

  /** The arrays the walk kernel reads (a runner tracks them under `knowledge`), current. */
  kernelArrays(): Readonly<Record<string, KernelArray>> {
    const { arrays, arena } = this;
    arrays.month = this.month;
    arrays.jobs = this.jobs;
    arrays.logRefusal = this.logRefusal;
    arrays.adopters = this.adopters;
    arrays.known = arena.known;
    arrays.streams = arena.streams;
    arrays.frontierMembers = arena.frontierMembers;
    arrays.frontierOffers = arena.frontierOffers;
    arrays.linkStart = this.linkStart;
    arrays.linkTargets = this.linkTargets;
    return arrays;
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

  /** A new innovation: its origin knows it and gains from it; it spreads on its own stream (`diffusion`, id). */
  add(innovation: Innovation): void {
    const slot = this.arena.takeSlot(this.relink);
    const entry: Tracked = { innovation, order: this.arrivals++, known: this.arena.bits(slot), knownBy: 0, frontier: this.arena.frontier(), slot, stream: NO_STREAM };
    this.streams.derive('diffusion', innovation.id).saveState(this.arena.streams, slot * Rng.STATE_SIZE);
    this.tracked.push(entry);
    this.byId.set(innovation.id, entry);
    this.learn(entry, innovation.origin);
    mergeIntoFrontier(entry.frontier, [innovation.origin], 1, undefined, this.arena.grow);
  }

  /** Points every spreading innovation's bits at its slot again, after the arena laid its slots out anew. */
  private readonly relink = (): void => {
    for (const entry of this.tracked) entry.known = this.arena.bits(entry.slot);
  };

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
   * One month of spread: for each innovation, each knower offers it across each of its links; a
   * neighbour adopts with the diffusion rate once the patent has ended, or the licence rate
   * before. Each innovation draws from its own stream, so the walks run as a kernel over
   * innovations on `runner` (any thread may walk any innovation); adoptions take effect after
   * the month's offers (no chains within a month), in the order the innovations arose, on the
   * calling thread. `onLicence` hears of each licence (holder = origin). Returns adoptions made.
   */
  diffuse(links: LinkSource, rules: DiffusionRules, onLicence?: (innovation: Innovation, licensee: number) => void, runner: ShardRunner = this.runnerOfItsOwn()): number {
    if (rules.living) this.census(rules.living);
    // Knowers whose links changed may have gained a neighbour that lacks what they know.
    const changed = this.links.read(links, this.communities);
    this.walk.startMonth(this.communities, changed);
    const count = this.prepareJobs(rules, changed);
    if (count > 0) runner.run(DIFFUSION_WALK, count, this.weights);
    let adoptions = 0;
    const joining = this.joining;
    for (let job = 0; job < count; job++) {
      const entry = this.jobEntries[job]!;
      let adopted = this.jobs[job * JOB.stride + JOB.adopters]!;
      if (adopted < 0) {
        // More adopted than the kernel had room for: walked again here, from where its stream
        // stood, where its frontier lies now (an earlier job's adopters may have moved it).
        this.jobs[job * JOB.stride + JOB.frontierAt] = entry.frontier.at;
        adopted = walkJob(walkView(this.kernelArrays(), ''), job, callerScratch, Infinity);
        this.rewalks++;
      }
      joining.length = adopted;
      for (let k = 0; k < adopted; k++) joining[k] = adopted <= ADOPTERS_PER_JOB ? this.adopters[job * ADOPTERS_PER_JOB + k]! : callerScratch.adopters[k]!;
      entry.frontier.size = this.jobs[job * JOB.stride + JOB.size]!;
      const patented = rules.step < entry.innovation.expires;
      for (let k = 0; k < adopted; k++) {
        this.learn(entry, joining[k]!);
        if (patented) onLicence?.(entry.innovation, joining[k]!);
        adoptions++;
      }
      mergeIntoFrontier(entry.frontier, joining, adopted, undefined, this.arena.grow);
    }
    this.jobEntries.length = 0;
    this.tracked = this.tracked.filter((entry) => this.stillSpreading(entry, rules.living !== undefined));
    return adoptions;
  }

  /**
   * Brings each spreading innovation's frontier up to date with the month's changed links, and
   * writes a job for each that spreads this month (rate above 0), in order; returns how many.
   */
  private prepareJobs(rules: DiffusionRules, changed: readonly number[]): number {
    const tracked = this.tracked;
    this.fitJobs(tracked.length);
    this.copyLinks();
    this.month[MONTH.capacity] = this.capacity;
    this.month[MONTH.words] = this.arena.words;
    const { jobs, logRefusal, weights, jobEntries } = this;
    // First every frontier, since one that grows may move the others in the arena; then the jobs.
    for (const entry of tracked) this.walk.rejoin(entry.known!, entry.frontier, changed, this.links, this.arena.grow);
    let count = 0;
    for (const entry of tracked) {
      const rate = rules.step < entry.innovation.expires ? rules.licenceRate : rules.diffusionRate;
      if (rate <= 0) continue;
      const j = count * JOB.stride;
      jobs[j + JOB.knownAt] = entry.slot * this.arena.words;
      jobs[j + JOB.frontierAt] = entry.frontier.at;
      jobs[j + JOB.size] = entry.frontier.size;
      jobs[j + JOB.slot] = entry.slot;
      jobs[j + JOB.adopters] = 0;
      logRefusal[count] = Math.log1p(-rate);
      jobEntries[count] = entry;
      // Threads share the jobs by their frontiers' sizes, roughly what a walk costs.
      weights[count + 1] = weights[count]! + 1 + entry.frontier.size;
      count++;
    }
    return count;
  }

  /** Room for `count` jobs in the month's arrays (shared with threads when the stock is). */
  private fitJobs(count: number): void {
    if (this.logRefusal.length >= count) return;
    const room = Math.max(16, Math.ceil(count * 1.25));
    this.jobs = allocateColumn(Int32Array, room * JOB.stride, this.shared) as Int32Array;
    this.logRefusal = allocateColumn(Float64Array, room, this.shared) as Float64Array;
    this.adopters = allocateColumn(Int32Array, room * ADOPTERS_PER_JOB, this.shared) as Int32Array;
    this.weights = new Int32Array(room + 1);
  }

  /** The month's links, copied where the walks read them (the month's own arrays are swapped and grown as links change). */
  private copyLinks(): void {
    const { start, targets } = this.links;
    const total = start[this.communities]!;
    if (this.linkStart.length < this.communities + 1) this.linkStart = allocateColumn(Int32Array, Math.ceil((this.communities + 1) * 1.25), this.shared) as Int32Array;
    if (this.linkTargets.length < total) this.linkTargets = allocateColumn(Int32Array, Math.ceil(total * 1.25), this.shared) as Int32Array;
    this.linkStart.set(start.subarray(0, this.communities + 1));
    this.linkTargets.set(targets.subarray(0, total));
  }

  /** A runner on this thread for a stock used on its own (a society hands its own). */
  private runnerOfItsOwn(): ShardRunner {
    if (!this.ownRunner) {
      this.ownRunner = new LocalRunner([diffusionWalk], {}, () => {
        throw new Error('the diffusion walk draws from no community stream');
      });
      this.ownRunner.track('knowledge', () => this.kernelArrays());
    }
    return this.ownRunner;
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
      this.leaveArena(entry);
      return false;
    }
    if (!knowsLiving || entry.knownBy + this.dead.size < this.communities) return true;
    const known = entry.known!;
    for (let c = 0; c < this.communities; c++) if (!hasBit(known, c) && !this.dead.has(c)) return true;
    entry.stream = this.arena.streams.slice(entry.slot * Rng.STATE_SIZE, (entry.slot + 1) * Rng.STATE_SIZE);
    this.leaveArena(entry);
    this.asleep.add(entry);
    return false;
  }

  /** Gives up an innovation's slot and frontier in the arena (it stopped spreading). */
  private leaveArena(entry: Tracked): void {
    this.arena.releaseSlot(entry.slot);
    this.arena.release(entry.frontier);
    entry.slot = -1;
    entry.known = null;
  }

  /** Puts a set-aside innovation back among the spreading, with who knows it rebuilt. */
  private wake(entry: Tracked): void {
    const slot = this.arena.takeSlot(this.relink);
    const known = this.arena.bits(slot);
    this.arena.streams.set(entry.stream, slot * Rng.STATE_SIZE);
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
    const frontier = this.arena.frontier();
    mergeIntoFrontier(frontier, everyKnower, everyKnower.length, undefined, this.arena.grow);
    Object.assign(entry, { known, knownBy, frontier, slot, stream: NO_STREAM });
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
    if (this.arena.fit(capacity)) this.relink();
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

/** What a spreading innovation holds in place of a stream of its own (its stream is in its slot). */
const NO_STREAM = new Float64Array(0);

function hasBit(bits: Uint32Array, c: number): boolean {
  return ((bits[c >>> 5]! >>> (c & 31)) & 1) === 1;
}

function setBit(bits: Uint32Array, c: number): void {
  bits[c >>> 5]! |= 1 << (c & 31);
}

function clearBit(bits: Uint32Array, c: number): void {
  bits[c >>> 5]! &= ~(1 << (c & 31));
}
