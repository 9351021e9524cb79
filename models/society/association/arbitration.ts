import type { Community } from '../communities/community.js';
import type { Society } from '../society.js';

/** Living communities grouped by the watershed of their site, each group in index order. */
export function byWatershed(society: Society): Map<number, Community[]> {
  const { basin, width } = society.land;
  const groups = new Map<number, Community[]>();
  for (const community of society.communities) {
    if (community.population <= 0) continue;
    const id = basin[community.y * width + community.x]!;
    const group = groups.get(id);
    if (group) group.push(community);
    else groups.set(id, [community]);
  }
  return groups;
}

/**
 * The nearest community upstream of `downstream` in its watershed: a site strictly higher
 * (ties to the lower index), so water that reaches `downstream` passes it first.
 */
export function upstreamOf(society: Society, downstream: Community, watershed: readonly Community[]): Community | undefined {
  const { elevation, width } = society.land;
  const own = elevation[downstream.y * width + downstream.x]!;
  let best: Community | undefined;
  let bestDistance = Infinity;
  for (const other of watershed) {
    if (other === downstream || elevation[other.y * width + other.x]! <= own) continue;
    const distance = (other.x - downstream.x) ** 2 + (other.y - downstream.y) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [other, distance];
  }
  return best;
}

/** The federation at the top of a community's network (its confederation's root), -1 none. */
export function topFederation(society: Society, community: Community): number {
  let id = community.governance.federation;
  const federations = society.polity.federations;
  while (id >= 0 && federations[id]!.parent >= 0) id = federations[id]!.parent;
  return id;
}

/** A federation can arbitrate between two communities when both belong to one network. */
export function canArbitrate(society: Society, a: Community, b: Community): boolean {
  const top = topFederation(society, a);
  return top >= 0 && top === topFederation(society, b);
}
