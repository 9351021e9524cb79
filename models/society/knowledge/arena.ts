import { allocateColumn, Rng } from '../../../sim/index.js';
import { newFrontier, type Frontier } from './frontier.js';

/**
 * Where the spreading innovations keep what a month's walks read and write, in a few flat arrays
 * rather than one pair per innovation, so that any thread may walk any innovation (the walk is a
 * kernel over innovations, knowledge/offers.ts): who knows each one (a slot of bits), its stream's
 * state (the same slot) and its frontier (a stretch of the frontier arrays). On SharedArrayBuffers
 * when the society is built for threads.
 */
export class KnowledgeArena {
  /** Who knows what: slot s's bits are `known[s × words …]`, one bit per community. */
  known: Uint32Array;
  /** Words per slot: room for `words × 32` communities. */
  words: number;
  /** Each slot's stream (`Rng.STATE_SIZE` numbers a slot), saved after each month's walk. */
  streams: Float64Array;
  /** The frontiers' members and counted offers; each frontier a stretch at `Frontier.at`. */
  frontierMembers: Int32Array;
  frontierOffers: Int32Array;
  private slots: number;
  private readonly free: number[] = [];
  private nextSlot = 0;
  /** Where the next stretch starts, and the room the frontiers hold (the rest is left by moves). */
  private end = 0;
  private live = 0;
  private readonly frontiers = new Set<Frontier>();

  constructor(
    communities: number,
    private readonly shared: boolean,
  ) {
    this.words = Math.ceil(communities / 32);
    this.slots = 16;
    this.known = this.ints(Uint32Array, this.slots * this.words);
    this.streams = allocateColumn(Float64Array, this.slots * Rng.STATE_SIZE, shared) as Float64Array;
    this.frontierMembers = this.ints(Int32Array, 1024);
    this.frontierOffers = this.ints(Int32Array, 1024);
  }

  /** A free slot, its bits cleared; `relaid` hears when the slots moved (the arrays were replaced). */
  takeSlot(relaid: () => void): number {
    let slot = this.free.pop();
    if (slot === undefined) {
      if (this.nextSlot === this.slots) {
        this.relay(this.words, Math.ceil(this.slots * 1.5));
        relaid();
      }
      slot = this.nextSlot++;
    }
    this.known.fill(0, slot * this.words, (slot + 1) * this.words);
    return slot;
  }

  releaseSlot(slot: number): void {
    this.free.push(slot);
  }

  /** Slot s's bits, as a view that stays valid until the slots are laid out again. */
  bits(slot: number): Uint32Array {
    return this.known.subarray(slot * this.words, (slot + 1) * this.words);
  }

  /** Room for `communities` communities in every slot (each slot's bits kept); true if the slots moved. */
  fit(communities: number): boolean {
    const words = Math.ceil(communities / 32);
    if (words <= this.words) return false;
    this.relay(Math.max(words, Math.ceil(this.words * 1.25)), this.slots);
    return true;
  }

  /**
   * Gives `frontier` a stretch of `length` (its members and offers kept): at the end of the
   * arrays, which are compacted or grown first when full. Used as `mergeIntoFrontier`'s `grow`.
   */
  readonly grow = (frontier: Frontier, length: number): void => {
    if (this.end + length > this.frontierMembers.length) this.makeRoom(length);
    const at = this.end;
    this.frontierMembers.set(frontier.members.subarray(0, frontier.size), at);
    this.frontierOffers.set(frontier.offers.subarray(0, frontier.size), at);
    this.release(frontier);
    this.point(frontier, at, length);
    this.end += length;
    this.live += length;
    this.frontiers.add(frontier);
  };

  /** A new, empty frontier with a stretch of its own. */
  frontier(): Frontier {
    const frontier = newFrontier();
    this.grow(frontier, 4);
    return frontier;
  }

  /** Frees a frontier's stretch (the innovation stopped spreading: its frontier is not used again). */
  release(frontier: Frontier): void {
    if (!this.frontiers.delete(frontier)) return;
    this.live -= frontier.members.length;
    frontier.at = -1;
  }

  /** The stretch's views, so the frontier's own code reads and writes the arena. */
  private point(frontier: Frontier, at: number, length: number): void {
    frontier.at = at;
    frontier.members = this.frontierMembers.subarray(at, at + length);
    frontier.offers = this.frontierOffers.subarray(at, at + length);
  }

  /**
   * Packs the live stretches to the front, in the order they lie: within the same arrays when that
   * leaves room for `length` more with a fifth to spare, else into arrays half as large again as needed.
   */
  private makeRoom(length: number): void {
    const needed = this.live + length;
    const inPlace = needed * 1.25 <= this.frontierMembers.length;
    const size = Math.ceil(needed * 1.5);
    const members = inPlace ? this.frontierMembers : this.ints(Int32Array, size);
    const offers = inPlace ? this.frontierOffers : this.ints(Int32Array, size);
    const inOrder = [...this.frontiers].sort((a, b) => a.at - b.at);
    let end = 0;
    for (const frontier of inOrder) {
      const { at } = frontier;
      const stretch = frontier.members.length;
      if (inPlace) {
        // Stretches only move towards the front, in the order they lie: nothing is overwritten before it moved.
        members.copyWithin(end, at, at + stretch);
        offers.copyWithin(end, at, at + stretch);
      } else {
        members.set(this.frontierMembers.subarray(at, at + stretch), end);
        offers.set(this.frontierOffers.subarray(at, at + stretch), end);
      }
      frontier.at = end;
      end += stretch;
    }
    this.frontierMembers = members;
    this.frontierOffers = offers;
    for (const frontier of inOrder) this.point(frontier, frontier.at, frontier.members.length);
    this.end = end;
  }

  /** Lays the slots out again with `words` words each and room for `slots`. */
  private relay(words: number, slots: number): void {
    const known = this.ints(Uint32Array, slots * words);
    for (let s = 0; s < this.nextSlot; s++) known.set(this.known.subarray(s * this.words, (s + 1) * this.words), s * words);
    const streams = allocateColumn(Float64Array, slots * Rng.STATE_SIZE, this.shared) as Float64Array;
    streams.set(this.streams);
    this.known = known;
    this.streams = streams;
    this.words = words;
    this.slots = slots;
  }

  private ints<T extends Int32Array | Uint32Array>(type: { new (n: number): T; BYTES_PER_ELEMENT: number }, length: number): T {
    return allocateColumn(type as unknown as Int32ArrayConstructor, length, this.shared) as unknown as T;
  }
}
