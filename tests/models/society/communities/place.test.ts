import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { small } from '../helpers.js';

const society = new Society(small('default', { population: 10_000, communities: 100 }), 1);

describe('communities on the land', () => {
  it('sizes are drawn from a wide distribution that sums to the population', () => {
    const sizes = society.communities.map((c) => c.population).sort((a, b) => a - b);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(sizes.at(-1)! / sizes[0]!).toBeGreaterThan(20);
    expect(sizes.at(-1)!).toBeGreaterThan(500);
  });

  it('settle where land is fertile and watered: sites are better than the average cell', () => {
    const { fertility, water, width } = society.land;
    const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
    const sites = society.communities.map((c) => c.y * width + c.x);
    expect(mean(sites.map((s) => fertility[s]!))).toBeGreaterThan(mean(fertility));
    expect(mean(sites.map((s) => water[s]!))).toBeGreaterThan(mean(water));
  });

  it('use land by usufruct: each cell has at most one user, and larger communities use more cells', () => {
    const users = new Map<number, number>();
    for (const c of society.communities) for (const cell of c.cells) {
      expect(users.has(cell), `cell ${cell}`).toBe(false);
      users.set(cell, c.id);
    }
    const bySize = [...society.communities].sort((a, b) => a.population - b.population);
    expect(bySize.at(-1)!.cells.length).toBeGreaterThan(bySize[0]!.cells.length);
  });
});
