import { Streams, type Rng, type SideHandler } from '../../../sim/index.js';
import { KnowledgeStock } from './diffusion.js';
import { SECTORS, type Innovation } from './innovation.js';

/**
 * A month of the knowledge stock's life, as the diffusion phase hands it over: the communities
 * research added (each with the parent it starts from), the innovations it drew, in order, then
 * one month of spread over the month's links.
 */
export interface DiffusionMonth {
  /** The first month only: communities at the start, and the run's seed (for the diffusion stream). */
  start?: { communities: number; seed: number };
  parents: number[];
  innovations: Innovation[];
  /** The month's knowledge links, flat (knowledge/links.ts), for communities 0 … count−1. */
  links: { start: Int32Array; targets: Int32Array; count: number };
  /** 1 for a community with members. */
  living: Uint8Array;
  diffusionRate: number;
  licenceRate: number;
  step: number;
  /** Also answer how many communities know each innovation (tests). */
  census?: boolean;
}

/** What a month of spread did, and the technology it left. */
export interface DiffusionAnswer {
  adoptions: number;
  /** Each licence in the order granted: holder (the origin), licensee, the innovation's gain; three numbers each. */
  licences: number[];
  /** Technology per community and sector (community * SECTORS + sector), every community the stock knows. */
  tech: Float64Array;
  /** Innovations still spreading. */
  spreading: number;
  /** With `census`: how many communities know innovation id, for ids 0 … highest seen. */
  knownBy?: number[];
}

/**
 * The knowledge stock and the diffusion stream, kept wherever the months are handled: on the
 * calling thread, or on a thread of its own in a threaded run (sim/shards.ts, `SideTask`), where
 * a month of spread goes on while the step's later phases run. The same months give the same
 * answers either way.
 */
export class DiffusionHandler implements SideHandler {
  private stock: KnowledgeStock | undefined;
  private rng: Rng | undefined;
  private highestId = -1;

  handle(message: unknown): DiffusionAnswer {
    const month = message as DiffusionMonth;
    if (month.start) {
      this.stock = new KnowledgeStock(month.start.communities);
      this.rng = new Streams(month.start.seed).derive('diffusion');
    }
    const stock = this.stock;
    const rng = this.rng;
    if (!stock || !rng) throw new Error('the diffusion task was handed a month before its first');
    stock.addCommunities(month.parents);
    for (const innovation of month.innovations) {
      stock.add(innovation);
      this.highestId = Math.max(this.highestId, innovation.id);
    }
    const licences: number[] = [];
    const living = month.living;
    const adoptions = stock.diffuse(
      month.links,
      { diffusionRate: month.diffusionRate, licenceRate: month.licenceRate, step: month.step, living: (c) => living[c] === 1 },
      rng,
      (innovation, licensee) => licences.push(innovation.origin, licensee, innovation.gain),
    );
    const answer: DiffusionAnswer = { adoptions, licences, tech: stock.tech.slice(0, stock.size * SECTORS), spreading: stock.spreading };
    if (month.census) answer.knownBy = Array.from({ length: this.highestId + 1 }, (_, id) => stock.knownBy(id));
    return answer;
  }
}
