import { cachedView, Rng, type Kernel, type KernelArray } from '../../../sim/index.js';

/**
 * A month's offers of the spreading innovations, one innovation per job: a kernel over
 * innovations (not communities), so any thread may walk any of them. Each innovation draws from
 * its own stream, whose state lives in the arena (knowledge/arena.ts) beside its bits, and its
 * walk reads only its own bits and frontier and the month's links: the walks are independent,
 * and which thread ran one never changes what it drew. knowledge/diffusion.ts fills the jobs,
 * runs the kernel, and applies the adoptions in innovation order on the calling thread.
 */

/** Numbers per job in `knowledge.jobs`. */
export const JOB = {
  stride: 5,
  /** Where the innovation's bits start in `knowledge.known`. */
  knownAt: 0,
  /** Where its frontier starts in the frontier arrays. */
  frontierAt: 1,
  /** Its frontier's size; the walk writes back the size it kept. */
  size: 2,
  /** Its slot in `knowledge.streams`. */
  slot: 3,
  /** Written by the walk: its adopters (in `knowledge.adopters` from job × ADOPTERS_PER_JOB), or −1 when more than fit (walked again on the calling thread). */
  adopters: 4,
} as const;

/** Room for each job's adopters: a few a month at the model's rates; more, and the job is walked again on the calling thread. */
export const ADOPTERS_PER_JOB = 32;

/** Header of `knowledge.month`: room for communities (the scratch's size) and words per slot. */
export const MONTH = { capacity: 0, words: 1, length: 2 } as const;

/** The arrays a walk reads and writes. */
export interface WalkView {
  month: Int32Array;
  jobs: Int32Array;
  logRefusal: Float64Array;
  adopters: Int32Array;
  known: Uint32Array;
  streams: Float64Array;
  members: Int32Array;
  offers: Int32Array;
  linkStart: Int32Array;
  linkTargets: Int32Array;
}

/** The view over the arrays of a record: the stock's own (no prefix) or a kernel scope's (`knowledge.`). */
export function walkView(arrays: Readonly<Record<string, KernelArray>>, prefix = 'knowledge.'): WalkView {
  const array = <T extends KernelArray>(name: string): T => arrays[prefix + name] as T;
  return {
    month: array<Int32Array>('month'),
    jobs: array<Int32Array>('jobs'),
    logRefusal: array<Float64Array>('logRefusal'),
    adopters: array<Int32Array>('adopters'),
    known: array<Uint32Array>('known'),
    streams: array<Float64Array>('streams'),
    members: array<Int32Array>('frontierMembers'),
    offers: array<Int32Array>('frontierOffers'),
    linkStart: array<Int32Array>('linkStart'),
    linkTargets: array<Int32Array>('linkTargets'),
  };
}

/** One thread's scratch for its walks (each thread keeps its own). */
export class WalkScratch {
  /** Who is adopting the walked innovation this month. */
  adopting = new Uint8Array(0);
  /** Where a community sits in the frontier being walked, valid where `placedIn` holds the walk's number. */
  place = new Int32Array(0);
  placedIn = new Int32Array(0);
  walks = 0;
  /** The walked frontier's offers as they were, to put back when its adopters do not fit. */
  before = new Int32Array(0);
  readonly adopters: number[] = [];
  readonly rng = new Rng('diffusion walk');

  fit(capacity: number, size: number): void {
    if (this.adopting.length < capacity) {
      this.adopting = new Uint8Array(capacity);
      this.place = new Int32Array(capacity);
      this.placedIn = new Int32Array(capacity);
    }
    if (this.before.length < size) this.before = new Int32Array(Math.ceil(size * 1.5));
  }
}

/**
 * Walks job `job`: its adopters this month, ascending, into `scratch.adopters`, and into
 * `view.adopters` when at most `limit`; the frontier's offers and size brought up to date and
 * the stream saved. When more adopt than `limit`, it leaves the frontier and the stream as they
 * were and marks the job −1, so the calling thread can walk it again with no limit and draw the
 * same numbers. Returns the adopters' count, or −1.
 */
export function walkJob(view: WalkView, job: number, scratch: WalkScratch, limit: number): number {
  const j = job * JOB.stride;
  const { jobs, members, offers, known } = view;
  const at = jobs[j + JOB.frontierAt]!;
  const size = jobs[j + JOB.size]!;
  const slot = jobs[j + JOB.slot]!;
  scratch.fit(view.month[MONTH.capacity]!, size);
  const before = scratch.before;
  for (let i = 0; i < size; i++) before[i] = offers[at + i]!;
  const rng = scratch.rng;
  rng.loadState(view.streams, slot * Rng.STATE_SIZE);
  const adopters = scratch.adopters;
  adopters.length = 0;
  walkOffers(view, known, jobs[j + JOB.knownAt]!, at, size, view.logRefusal[job]!, rng, scratch);
  for (let k = 0; k < adopters.length; k++) scratch.adopting[adopters[k]!] = 0;
  if (adopters.length > limit) {
    for (let i = 0; i < size; i++) offers[at + i] = before[i]!;
    jobs[j + JOB.adopters] = -1;
    return -1;
  }
  // Members left with no offer to make leave the frontier.
  let kept = at;
  for (let i = at; i < at + size; i++) {
    if (offers[i] === 0) continue;
    members[kept] = members[i]!;
    offers[kept++] = offers[i]!;
  }
  jobs[j + JOB.size] = kept - at;
  rng.saveState(view.streams, slot * Rng.STATE_SIZE);
  ascending(adopters);
  const out = job * ADOPTERS_PER_JOB;
  if (adopters.length <= ADOPTERS_PER_JOB) for (let k = 0; k < adopters.length; k++) view.adopters[out + k] = adopters[k]!;
  jobs[j + JOB.adopters] = adopters.length;
  return adopters.length;
}

/**
 * The month's offers of one innovation: each frontier member's links in turn, in ascending
 * order, an offer to each neighbour that lacks it (and is not adopting it already this month),
 * each offer taken with chance `rate`. Offers succeed independently, so the offers refused
 * before the next success are a geometric count: one draw per adoption (and one to start) gives
 * the same law as one per offer, at a fraction of the draws (rates are a few in a hundred).
 * Knowers with no lacking neighbour make no offer, so walking only the frontier makes the same
 * offers in the same order as walking every community.
 *
 * A member whose counted offers would all be refused is passed over without walking its links:
 * most members are, since adoptions are a few in a hundred offers. Only members where an
 * adoption falls, and those not yet counted, are walked link by link (which counts them). An
 * adoption takes one offer from each of the adopter's neighbours that know the innovation (links
 * go both ways), found through `place`: from then on, this month and the next, they would not
 * offer it to the adopter. A member's count is left at the offers it made and was refused.
 */
function walkOffers(view: WalkView, known: Uint32Array, knownAt: number, at: number, size: number, logRefusal: number, rng: Rng, scratch: WalkScratch): void {
  const { members, offers, linkStart: start, linkTargets: targets } = view;
  const { adopting, adopters } = scratch;
  // Offers still to be refused before the next success; −1 until the first offer draws it.
  let refusals = -1;
  // Whether `place` holds this walk's members (set at its first adoption).
  let placed = false;
  for (let i = at; i < at + size; i++) {
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
      if ((known[knownAt + (neighbour >>> 5)]! >>> (neighbour & 31)) & 1) continue;
      if (adopting[neighbour]) continue;
      if (refusals < 0) refusals = refusalsBeforeSuccess(rng, logRefusal);
      if (refusals > 0) {
        refusals--;
        refused++;
        continue;
      }
      adopting[neighbour] = 1;
      adopters.push(neighbour);
      if (!placed) placed = placeMembers(members, at, size, scratch);
      withdrawOffersTo(neighbour, view, known, knownAt, scratch);
      refusals = refusalsBeforeSuccess(rng, logRefusal);
    }
    // What it offered and was refused is still lacking next month; what it (or any) adopted is not.
    offers[i] = refused;
  }
}

/** Notes where each of the frontier's members sits (its index in the arrays), under a new walk's number. */
function placeMembers(members: Int32Array, at: number, size: number, scratch: WalkScratch): true {
  const walk = ++scratch.walks;
  const { place, placedIn } = scratch;
  for (let i = at; i < at + size; i++) {
    place[members[i]!] = i;
    placedIn[members[i]!] = walk;
  }
  return true;
}

/** The adopter's knowing neighbours on the frontier each make one offer fewer (one per link). */
function withdrawOffersTo(adopter: number, view: WalkView, known: Uint32Array, knownAt: number, scratch: WalkScratch): void {
  const { linkStart: start, linkTargets: targets, offers } = view;
  const { place, placedIn, walks } = scratch;
  const end = start[adopter + 1]!;
  for (let n = start[adopter]!; n < end; n++) {
    const neighbour = targets[n]!;
    if (!((known[knownAt + (neighbour >>> 5)]! >>> (neighbour & 31)) & 1) || placedIn[neighbour] !== walks) continue;
    const i = place[neighbour]!;
    if (offers[i]! > 0) offers[i]!--;
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
function ascending(list: number[]): void {
  if (list.length > 32) {
    list.sort((a, b) => a - b);
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const value = list[i]!;
    let j = i;
    while (j > 0 && list[j - 1]! > value) {
      list[j] = list[j - 1]!;
      j--;
    }
    list[j] = value;
  }
}

const scratch = new WalkScratch();
const view = cachedView((scope) => walkView(scope.arrays));

/** The walk kernel's name. */
export const DIFFUSION_WALK = 'diffusion.walk';

/** The walk as a kernel: its index is a job (an innovation), not a community; it uses no community stream. */
export const diffusionWalk: Kernel = {
  name: DIFFUSION_WALK,
  streams: [],
  run(scope, job) {
    walkJob(view(scope), job, scratch, ADOPTERS_PER_JOB);
  },
};

/** The calling thread's scratch, for jobs walked again there (shared with the kernel on that thread: never at once). */
export const callerScratch: WalkScratch = scratch;
