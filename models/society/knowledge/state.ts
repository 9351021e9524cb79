import type { Rng } from '../../../sim/index.js';
import { KnowledgeStock } from './diffusion.js';
import type { FlatLinks } from './links.js';

/** What the knowledge phases count each step, for the metrics. */
export interface KnowledgeCounters {
  innovations: number;
  adoptions: number;
  licences: number;
}

/** Fresh counters for a step. */
export function zeroKnowledgeCounters(): KnowledgeCounters {
  return { innovations: 0, adoptions: 0, licences: 0 };
}

/** Who knows what, each community's research effort, and the diffusion phase's stream. */
export class KnowledgeState {
  readonly stock: KnowledgeStock;
  nextId = 0;
  /** Per community: share of labour in research this month. */
  researchShare: Float64Array;
  counters: KnowledgeCounters = zeroKnowledgeCounters();
  rng: Rng | null = null;
  /** This month's knowledge links (shared by research and diffusion) and the step they were built in. */
  links: FlatLinks | null = null;
  linksStep = -1;

  constructor(communities: number) {
    this.stock = new KnowledgeStock(communities);
    this.researchShare = new Float64Array(communities);
  }

  /** Grows to n communities; each new one starts with what `parentOf(id)` knows. */
  ensure(n: number, parentOf: (id: number) => number): void {
    const parents: number[] = [];
    for (let id = this.stock.size; id < n; id++) parents.push(parentOf(id));
    this.stock.addCommunities(parents);
    if (this.researchShare.length < n) {
      const share = new Float64Array(n);
      share.set(this.researchShare);
      this.researchShare = share;
    }
  }
}
