import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { federationPartners } from '../../../../models/society/defence/forces.js';
import { knowledgeLinks } from '../../../../models/society/knowledge/links.js';
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
      expect(knowledgeLinks(society)).toEqual(referenceLinks(society));
    }
  });
});
