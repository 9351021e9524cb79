import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { KnowledgeStock } from '../../../../models/society/knowledge/diffusion.js';
import { newInnovation, type Innovation, type KnowledgeHolding } from '../../../../models/society/knowledge/innovation.js';

const COMMUNITIES = 12;
/** A ring of communities, each linked to its two neighbours. */
const ring = (c: number) => [(c + COMMUNITIES - 1) % COMMUNITIES, (c + 1) % COMMUNITIES].sort((a, b) => a - b);

/** The same innovation draws (origin, month, sector) under either holding of knowledge. */
function draws(holding: KnowledgeHolding, term: number): Innovation[] {
  const rng = new Rng('draws');
  return Array.from({ length: 30 }, (_, id) => newInnovation(id, rng.int(COMMUNITIES), 0.02, id * 4, holding, term, rng));
}

/** Runs `months` of arrivals and spread; returns the stock and the licences granted. */
function run(innovations: Innovation[], months: number, diffusionRate: number, licenceRate: number): { stock: KnowledgeStock; licences: number } {
  const stock = new KnowledgeStock(COMMUNITIES);
  const rng = new Rng('spread');
  let licences = 0;
  for (let step = 0; step < months; step++) {
    for (const innovation of innovations) if (innovation.step === step) stock.add(innovation);
    stock.diffuse(ring, { diffusionRate, licenceRate, step }, rng, () => licences++);
  }
  return { stock, licences };
}

/** Adoptions outside the place each innovation arose. */
function adoptedElsewhere(stock: KnowledgeStock, innovations: Innovation[]): number {
  return innovations.reduce((total, innovation) => total + stock.knownBy(innovation.id) - 1, 0);
}

describe('knowledge', () => {
  it('with diffusion off, innovations stay where they arose', () => {
    const innovations = draws('commons', 0);
    const { stock } = run(innovations, 200, 0, 0);
    expect(stock.spreading).toBe(innovations.length);
    for (const innovation of innovations) {
      for (let c = 0; c < COMMUNITIES; c++) expect(stock.knows(c, innovation.id)).toBe(c === innovation.origin);
    }
  });

  it('with identical innovation draws, a patent term slows adoption elsewhere', () => {
    const commons = draws('commons', 0);
    const patents = draws('patents', 240);
    expect(patents.map((i) => [i.origin, i.sector, i.step])).toEqual(commons.map((i) => [i.origin, i.sector, i.step]));
    const free = run(commons, 160, 0.05, 0.01);
    const held = run(patents, 160, 0.05, 0.01);
    expect(adoptedElsewhere(held.stock, patents)).toBeLessThan(adoptedElsewhere(free.stock, commons) / 2);
    expect(held.licences).toBeGreaterThan(0);
    expect(free.licences).toBe(0);
  });

  it('once the term ends a patented innovation spreads like any other', () => {
    const innovation: Innovation = { id: 0, origin: 3, sector: 1, gain: 0.05, step: 0, expires: 10 };
    const { stock } = run([innovation], 400, 0.2, 0);
    expect(stock.spreading).toBe(0);
    for (let c = 0; c < COMMUNITIES; c++) expect(stock.level(c, 1)).toBeCloseTo(1.05, 12);
  });

  it('each adoption raises the adopter’s technology in the innovation’s sector by its gain', () => {
    const stock = new KnowledgeStock(3);
    stock.add({ id: 7, origin: 1, sector: 0, gain: 0.1, step: 0, expires: 0 });
    expect(stock.level(1, 0)).toBeCloseTo(1.1, 12);
    expect(stock.level(0, 0)).toBe(1);
    expect(stock.level(1, 1)).toBe(1);
    expect(stock.meanLevel(1)).toBeCloseTo(1.05, 12);
  });

  it('a new community starts with what its parent knows', () => {
    const stock = new KnowledgeStock(3);
    stock.add({ id: 0, origin: 2, sector: 1, gain: 0.1, step: 0, expires: 0 });
    const child = stock.addCommunity(2);
    expect(child).toBe(3);
    expect(stock.knows(child, 0)).toBe(true);
    expect(stock.level(child, 1)).toBeCloseTo(1.1, 12);
    expect(stock.knownBy(0)).toBe(2);
  });
});
