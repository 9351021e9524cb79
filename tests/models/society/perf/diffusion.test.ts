import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { KnowledgeStock, refusalsBeforeSuccess } from '../../../../models/society/knowledge/diffusion.js';
import { SECTORS, type Innovation } from '../../../../models/society/knowledge/innovation.js';
import { nearestOlder } from '../../../../models/society/knowledge/links.js';
import type { Society } from '../../../../models/society/society.js';

interface Entry { innovation: Innovation; known: Uint8Array; knownBy: number }

/** The stock as first written: every array copied per new community, retired only once every community ever founded knows. */
class ReferenceStock {
  tech: Float64Array;
  tracked: Entry[] = [];
  constructor(public communities: number) {
    this.tech = new Float64Array(communities * SECTORS).fill(1);
  }
  knows(c: number, id: number): boolean {
    const entry = this.tracked.find((t) => t.innovation.id === id);
    return entry ? entry.known[c] === 1 : true;
  }
  knownBy(id: number): number {
    return this.tracked.find((t) => t.innovation.id === id)?.knownBy ?? this.communities;
  }
  add(innovation: Innovation): void {
    const entry = { innovation, known: new Uint8Array(this.communities), knownBy: 0 };
    this.tracked.push(entry);
    this.learn(entry, innovation.origin);
  }
  addCommunity(parent: number): number {
    const child = this.communities++;
    const tech = new Float64Array(this.communities * SECTORS);
    tech.set(this.tech);
    for (let s = 0; s < SECTORS; s++) tech[child * SECTORS + s] = this.tech[parent * SECTORS + s]!;
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
  diffuse(links: (c: number) => readonly number[], rules: { diffusionRate: number; licenceRate: number; step: number }, rng: Rng, onLicence: (i: Innovation, c: number) => void): number {
    let adoptions = 0;
    for (const entry of this.tracked) {
      const patented = rules.step < entry.innovation.expires;
      const rate = patented ? rules.licenceRate : rules.diffusionRate;
      if (rate <= 0) continue;
      const adopters = new Set<number>();
      // Each offer is taken with chance `rate`: the offers refused before the next are a geometric count.
      const logRefusal = Math.log1p(-rate);
      let refusals = -1;
      for (let c = 0; c < this.communities; c++) {
        if (!entry.known[c]) continue;
        for (const n of links(c)) {
          if (entry.known[n] || adopters.has(n)) continue;
          if (refusals < 0) refusals = refusalsBeforeSuccess(rng, logRefusal);
          if (refusals-- > 0) continue;
          adopters.add(n);
          refusals = refusalsBeforeSuccess(rng, logRefusal);
        }
      }
      for (const adopter of [...adopters].sort((a, b) => a - b)) {
        this.learn(entry, adopter);
        if (patented) onLicence(entry.innovation, adopter);
        adoptions++;
      }
    }
    this.tracked = this.tracked.filter((entry) => entry.knownBy < this.communities);
    return adoptions;
  }
  private learn(entry: Entry, c: number): void {
    entry.known[c] = 1;
    entry.knownBy++;
    this.tech[c * SECTORS + entry.innovation.sector]! *= 1 + entry.innovation.gain;
  }
}

/** Random links among the living only (as the model's links are), both ways, ascending. */
function randomLinks(rng: Rng, alive: boolean[], degree: number): number[][] {
  const sets = alive.map(() => new Set<number>());
  const living = alive.flatMap((a, c) => (a ? [c] : []));
  for (const c of living) {
    for (let k = 0; k < degree && living.length > 1; k++) {
      const other = living[rng.int(living.length)]!;
      if (other !== c) [sets[c]!.add(other), sets[other]!.add(c)];
    }
  }
  return sets.map((s) => [...s].sort((a, b) => a - b));
}

/** Last month's links among the living, with a few links made or broken (both ways), ascending. */
function flipLinks(rng: Rng, links: number[][], alive: boolean[], flips: number): number[][] {
  const sets = alive.map((a, c) => new Set(a ? (links[c] ?? []).filter((other) => alive[other]) : []));
  const living = alive.flatMap((a, c) => (a ? [c] : []));
  for (let k = 0; k < flips && living.length > 1; k++) {
    const [a, b] = [living[rng.int(living.length)]!, living[rng.int(living.length)]!];
    if (a === b) continue;
    if (sets[a]!.has(b)) [sets[a]!.delete(b), sets[b]!.delete(a)];
    else [sets[a]!.add(b), sets[b]!.add(a)];
  }
  return sets.map((s) => [...s].sort((x, y) => x - y));
}

/**
 * Months of arrivals, spread, deaths, new communities (whose parent may have died) and now and
 * then a revival, on the stock and on the reference, with the same streams; checks that both
 * agree on every draw, adoption, licence and technology. Returns the innovations set aside.
 */
function compare(seed: string, trial: number): { asleep: number } {
  const rng = new Rng(seed);
  const start = 3 + rng.int(15);
  const [stock, reference] = [new KnowledgeStock(start), new ReferenceStock(start)];
  const alive = Array.from({ length: start }, () => true);
  const [spreadA, spreadB] = [new Rng(`${seed}-spread`), new Rng(`${seed}-spread`)];
  let nextId = 0;
  let asleep = 0;
  let links: number[][] = [];
  for (let step = 0; step < 80; step++) {
    for (let c = 0; c < alive.length; c++) if (alive[c] && rng.next() < 0.03 && alive.filter(Boolean).length > 1) alive[c] = false;
    if (rng.next() < 0.02) alive[rng.int(alive.length)] = true;
    // New communities, whose parent may be one founded just before them; on odd trials the stock adds a month's at once.
    const parents: number[] = [];
    for (let n = rng.int(trial % 2 ? 5 : 3); n > 0; n--) {
      parents.push(rng.int(alive.length));
      alive.push(true);
    }
    if (trial % 2) stock.addCommunities(parents);
    else parents.forEach((parent, k) => expect(stock.addCommunity(parent)).toBe(reference.communities + k));
    for (const parent of parents) reference.addCommunity(parent);
    expect(stock.size).toBe(reference.communities);
    for (let n = rng.poisson(0.8); n > 0; n--) {
      const living = alive.flatMap((a, c) => (a ? [c] : []));
      const innovation = { id: nextId++, origin: living[rng.int(living.length)]!, sector: rng.int(SECTORS), gain: 0.01 + 0.05 * rng.next(), step, expires: step + rng.int(3) * 6 };
      stock.add(innovation);
      reference.add(innovation);
    }
    // A third of the trials keep their links for ten months at a time, so knowers that stop offering
    // leave the frontier and must come back when links change; a third draw new links every month;
    // a third make or break a few links a month, so the offers counted stay and change by little.
    // (Links stay among the living, as the model's do: the dead drop out of them at once.)
    if (trial % 3 === 0 || step === 0 || (trial % 3 === 1 && step % 10 === 0)) links = randomLinks(rng, alive, 1 + rng.int(3));
    else if (trial % 3 === 2) links = flipLinks(rng, links, alive, 1 + rng.int(3));
    else links = links.map((list, c) => (alive[c] ? list.filter((other) => alive[other]) : []));
    const rules = { diffusionRate: 0.3, licenceRate: 0.1, step };
    const [licencesA, licencesB]: number[][] = [[], []];
    const a = stock.diffuse((c) => links[c] ?? [], { ...rules, living: (c) => alive[c]! }, spreadA, (i, c) => licencesA.push(i.id, c));
    const b = reference.diffuse((c) => links[c] ?? [], rules, spreadB, (i, c) => licencesB.push(i.id, c));
    expect([a, licencesA]).toEqual([b, licencesB]);
    expect(Array.from(stock.tech.subarray(0, reference.communities * SECTORS))).toEqual(Array.from(reference.tech));
    asleep = Math.max(asleep, reference.tracked.length - stock.spreading);
  }
  expect(spreadA.next()).toBe(spreadB.next());
  const view = (s: KnowledgeStock | ReferenceStock) =>
    Array.from({ length: nextId }, (_, id) => [s.knownBy(id), Array.from({ length: reference.communities }, (_, c) => s.knows(c, id))]);
  expect(view(stock)).toEqual(view(reference));
  return { asleep };
}

describe('KnowledgeStock setting aside what every living community knows', () => {
  it('spreads exactly as the stock that kept every innovation until all communities ever founded knew it', () => {
    let asleep = 0;
    for (let trial = 0; trial < 90; trial++) asleep += compare(`trial-${trial}`, trial).asleep;
    // The point of the change: innovations do stop spreading although some community died without them.
    expect(asleep).toBeGreaterThan(0);
  });
});

describe('nearestOlder', () => {
  it('picks the same community as comparing Math.hypot distances over every older one', () => {
    const rng = new Rng('older');
    for (let trial = 0; trial < 100; trial++) {
      const side = 1 + rng.int(trial % 2 ? 8 : 3000);
      const communities = Array.from({ length: 2 + rng.int(80) }, () => ({ x: rng.int(side), y: rng.int(side) }));
      const society = { communities } as unknown as Society;
      for (let id = 1; id < communities.length; id++) {
        let [best, bestDistance] = [0, Infinity];
        for (let other = 0; other < id; other++) {
          const d = Math.hypot(communities[other]!.x - communities[id]!.x, communities[other]!.y - communities[id]!.y);
          if (d < bestDistance) [best, bestDistance] = [other, d];
        }
        expect(nearestOlder(society, id)).toBe(best);
      }
    }
  });
});

describe('offers refused before the next adoption', () => {
  it('follow the geometric law of independent offers each taken with the rate', () => {
    for (const rate of [0.05, 0.3]) {
      const rng = new Rng(`geometric ${rate}`);
      const draws = Array.from({ length: 200_000 }, () => refusalsBeforeSuccess(rng, Math.log1p(-rate)));
      const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
      expect(mean).toBeCloseTo((1 - rate) / rate, rate < 0.1 ? 0 : 1);
      // P(no refusal) = rate; P(exactly k) = (1 − rate)^k × rate.
      expect(draws.filter((d) => d === 0).length / draws.length).toBeCloseTo(rate, 2);
      expect(draws.filter((d) => d === 2).length / draws.length).toBeCloseTo((1 - rate) ** 2 * rate, 2);
      expect(draws.every((d) => Number.isInteger(d) && d >= 0)).toBe(true);
    }
  });

  it('are none when every offer is taken', () => {
    const rng = new Rng('certain');
    for (let i = 0; i < 100; i++) expect(refusalsBeforeSuccess(rng, Math.log1p(-1))).toBe(0);
  });
});
