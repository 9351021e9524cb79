import { federationPartners } from '../defence/forces.js';
import type { Society } from '../society.js';

/** Each community's knowledge links: trade partners both ways and federation partners, ascending. */
export function knowledgeLinks(society: Society): number[][] {
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

/**
 * The nearest community older than `id` (a new community's likely parent: it starts knowing what
 * that one knows); ties by the first found. Squared distances (exact for cell coordinates) rule
 * out most candidates; `Math.hypot` decides among the rest, so its rounding picks as it always has.
 */
export function nearestOlder(society: Society, id: number): number {
  const self = society.communities[id]!;
  let best = 0;
  let bestDistance = Infinity;
  let bestSquared = Infinity;
  for (let other = 0; other < id; other++) {
    const c = society.communities[other]!;
    const squared = (c.x - self.x) ** 2 + (c.y - self.y) ** 2;
    if (squared > bestSquared) continue;
    const d = Math.hypot(c.x - self.x, c.y - self.y);
    if (d < bestDistance) [best, bestDistance, bestSquared] = [other, d, squared];
  }
  return best;
}
