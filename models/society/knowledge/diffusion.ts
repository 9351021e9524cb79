import type { Rng } from '../../../sim/index.js';
import { SECTORS, type Innovation } from './innovation.js';

/** How innovations cross a link this month. */
export interface DiffusionRules {
  /** Chance per link per month an innovation free to copy is adopted. */
  diffusionRate: number;
  /** Chance per link per month a patented one is licensed. */
  licenceRate: number;
  step: number;
}

interface Tracked {
  innovation: Innovation;
  known: Uint8Array;
  knownBy: number;
}

/**
 * Who knows which innovation, and the technology it gives each community per sector. An
 * innovation stays tracked until every community knows it, then only its effect remains.
 */
export class KnowledgeStock {
  /** Technology per community and sector (row-major: community * SECTORS + sector), 1 at the start. */
  tech: Float64Array;
  private tracked: Tracked[] = [];
  private communities: number;

  constructor(communities: number) {
    this.communities = communities;
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
    const entry = this.tracked.find((t) => t.innovation.id === innovationId);
    return entry ? entry.known[community] === 1 : true;
  }

  /** How many communities know an innovation. */
  knownBy(innovationId: number): number {
    return this.tracked.find((t) => t.innovation.id === innovationId)?.knownBy ?? this.communities;
  }

  /** A new innovation: its origin knows it and gains from it. */
  add(innovation: Innovation): void {
    const entry: Tracked = { innovation, known: new Uint8Array(this.communities), knownBy: 0 };
    this.tracked.push(entry);
    this.learn(entry, innovation.origin);
  }

  /** A new community (e.g. a split) starting with what its parent knows. */
  addCommunity(parent: number): number {
    const child = this.communities++;
    const tech = new Float64Array(this.communities * SECTORS);
    tech.set(this.tech);
    for (let s = 0; s < SECTORS; s++) tech[child * SECTORS + s] = this.level(parent, s);
    this.tech = tech;
    for (const entry of this.tracked) {
      const known = new Uint8Array(this.communities);
      known.set(entry.known);
      known[child] = entry.known[parent]!;
      entry.known = known;
      entry.knownBy += known[child]!;
    }
    return child;
  }

  /**
   * One month of spread: for each innovation (in id order), each knower offers it across each
   * of its links; a neighbour adopts with the diffusion rate once the patent has ended, or the
   * licence rate before. Adoptions take effect after the month's offers (no chains within a
   * month). `onLicence` hears of each licence (holder = origin). Returns adoptions made.
   */
  diffuse(links: (community: number) => readonly number[], rules: DiffusionRules, rng: Rng, onLicence?: (innovation: Innovation, licensee: number) => void): number {
    let adoptions = 0;
    for (const entry of this.tracked) {
      const patented = rules.step < entry.innovation.expires;
      const rate = patented ? rules.licenceRate : rules.diffusionRate;
      if (rate <= 0) continue;
      const adopters = new Set<number>();
      for (let c = 0; c < this.communities; c++) {
        if (!entry.known[c]) continue;
        for (const neighbour of links(c)) {
          if (entry.known[neighbour] || adopters.has(neighbour)) continue;
          if (rng.next() < rate) adopters.add(neighbour);
        }
      }
      for (const adopter of [...adopters].sort((a, b) => a - b)) {
        this.learn(entry, adopter);
        if (patented) onLicence?.(entry.innovation, adopter);
        adoptions++;
      }
    }
    this.tracked = this.tracked.filter((entry) => entry.knownBy < this.communities);
    return adoptions;
  }

  private learn(entry: Tracked, community: number): void {
    entry.known[community] = 1;
    entry.knownBy++;
    const cell = community * SECTORS + entry.innovation.sector;
    this.tech[cell] = this.tech[cell]! * (1 + entry.innovation.gain);
  }
}
