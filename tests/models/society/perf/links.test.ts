import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { federationPartners } from '../../../../models/society/defence/forces.js';
import { knowledgeLinks, linksOf } from '../../../../models/society/knowledge/links.js';
import { MonthLinks } from '../../../../models/society/knowledge/month-links.js';
import type { Society } from '../../../../models/society/society.js';

/** The links as first written: a set per community, partners spread with federation fellows. */
function referenceLinks(society: Society): number[][] {
  const links = society.communities.map(() => new Set<number>());
  for (const community of society.communities) {
    if (community.population <= 0) continue;
    for (const partner of [...community.partners, ...federationPartners(society, community.id)]) {
      if (partner === community.id || society.communities[partner]!.population <= 0) continue;
      links[community.id]!.add(partner);
      links[partner]!.add(community.id);
    }
  }
  return links.map((set) => [...set].sort((a, b) => a - b));
}

function randomSociety(rng: Rng): Society {
  const n = 1 + rng.int(60);
  const federationCount = rng.int(6);
  const federations = Array.from({ length: federationCount }, (_, id) => ({ id, members: [] as number[], formed: rng.next() < 0.8 ? 0 : -1 }));
  const communities = Array.from({ length: n }, (_, id) => {
    const federation = federationCount > 0 && rng.next() < 0.6 ? rng.int(federationCount) : -1;
    if (federation >= 0) federations[federation]!.members.push(id);
    const partners = Array.from({ length: rng.int(5) }, () => rng.int(n));
    return { id, population: rng.next() < 0.2 ? 0 : 1 + rng.int(100), partners, governance: { federation } };
  });
  return { communities, polity: { federations } } as unknown as Society;
}

describe('knowledgeLinks', () => {
  it('gives the same ascending lists as the set-based construction', () => {
    const rng = new Rng('links');
    for (let trial = 0; trial < 300; trial++) {
      const society = randomSociety(rng);
      const flat = knowledgeLinks(society);
      expect(flat.count).toBe(society.communities.length);
      expect(society.communities.map((_, c) => linksOf(flat, c))).toEqual(referenceLinks(society));
    }
  });
});

describe('the month\'s links, flat or as lists', () => {
  it('are copied alike and report the same changed communities month after month', () => {
    const rng = new Rng('month links');
    const fromLists = new MonthLinks();
    const fromFlat = new MonthLinks();
    for (let month = 0; month < 40; month++) {
      const society = randomSociety(rng);
      const flat = knowledgeLinks(society);
      const lists = society.communities.map((_, c) => linksOf(flat, c));
      // A few more communities than the links know of: they have none.
      const communities = society.communities.length + rng.int(3);
      expect(fromFlat.read(flat, communities)).toEqual(fromLists.read((c) => lists[c] ?? [], communities));
      expect(Array.from(fromFlat.start.subarray(0, communities + 1))).toEqual(Array.from(fromLists.start.subarray(0, communities + 1)));
      expect(Array.from(fromFlat.targets.subarray(0, fromFlat.start[communities]!))).toEqual(Array.from(fromLists.targets.subarray(0, fromLists.start[communities]!)));
    }
  });
});
