import { describe, expect, it } from 'vitest';
import { Society } from '../../../models/society/index.js';
import { SERVICE_FUNCTIONS } from '../../../models/society/services/syndicate.js';
import { small } from './helpers.js';

/** A function's share of persons served and their mean quality, worked out from the communities directly. */
function served(society: Society, fn: (typeof SERVICE_FUNCTIONS)[number]): { covered: number; quality: number } {
  const quality = society.services.quality[fn];
  let persons = 0, covered = 0, total = 0;
  for (const c of society.communities) {
    persons += c.population;
    const q = quality[c.id] ?? 0;
    if (q > 0) covered += c.population;
    total += q * c.population;
  }
  return persons > 0 ? { covered: covered / persons, quality: total / persons } : { covered: 0, quality: 0 };
}

describe('service and land metrics', () => {
  it('report each function’s coverage and quality, their means over the functions in service, and the land’s capacity, fresh every step', () => {
    // Health left out of service: the means are over the other four.
    const society = new Society(small('default', { population: 1500, communities: 12, healthBorder: 'none' }) as never, 6);
    const seen = new Set<number>();
    for (let step = 1; step <= 4; step++) {
      society.step();
      const row = society.collector.last();
      let covered = 0, quality = 0, on = 0;
      for (const fn of SERVICE_FUNCTIONS) {
        const expected = served(society, fn);
        expect(Object.is(row[`service_coverage_${fn}`], expected.covered)).toBe(true);
        expect(Object.is(row[`service_quality_${fn}`], expected.quality)).toBe(true);
        if (fn === 'health') continue;
        covered += expected.covered;
        quality += expected.quality;
        on++;
      }
      expect(Object.is(row['service_coverage'], covered / on)).toBe(true);
      expect(Object.is(row['service_quality'], quality / on)).toBe(true);
      seen.add(row['service_quality']!);
      let capacity = 0;
      for (const cell of society.land.capacity) capacity += cell;
      expect(Object.is(row['land_capacity'], capacity)).toBe(true);
    }
    // Quality moves month to month: the values are worked out afresh, not kept from the first step.
    expect(seen.size).toBeGreaterThan(1);
  });
});
