import type { Society } from '../society.js';

/**
 * Each community's knowledge links: trade partners both ways and federation partners,
 * ascending (each list sorted and rid of repeats, the set a union of both directions gives).
 */
export function knowledgeLinks(society: Society): number[][] {
  const communities = society.communities;
  const n = communities.length;
  const fellows = formedFederations(society);
  const links: number[][] = new Array<number[]>(n);
  // Who is inhabited, read once in order: looked up per link, the community objects lie all
  // over the heap and each lookup would be a cache miss.
  if (inhabited.length < n) inhabited = new Uint8Array(Math.ceil(n * 1.25));
  for (let c = 0; c < n; c++) {
    links[c] = [];
    inhabited[c] = communities[c]!.population > 0 ? 1 : 0;
  }
  for (let c = 0; c < n; c++) {
    if (inhabited[c] === 0) continue;
    const community = communities[c]!;
    const partners = community.partners;
    for (let i = 0; i < partners.length; i++) link(links, c, partners[i]!);
    const federation = community.governance.federation;
    const members = federation >= 0 ? fellows.get(federation) : undefined;
    if (members) for (let i = 0; i < members.length; i++) link(links, c, members[i]!);
  }
  for (let c = 0; c < n; c++) links[c] = ascendingUnique(links[c]!);
  return links;
}

let inhabited = new Uint8Array(0);

function link(links: number[][], c: number, partner: number): void {
  if (partner === c || inhabited[partner] === 0) return;
  links[c]!.push(partner);
  links[partner]!.push(c);
}

/** Members of each formed federation, by id (the first federation with an id, as `federationPartners` finds it). */
function formedFederations(society: Society): Map<number, readonly number[]> {
  const byId = new Map<number, readonly number[]>();
  const seen = new Set<number>();
  for (const federation of society.polity.federations) {
    if (seen.has(federation.id)) continue;
    seen.add(federation.id);
    if (federation.formed >= 0) byId.set(federation.id, federation.members);
  }
  return byId;
}

function ascendingUnique(list: number[]): number[] {
  if (list.length < 2) return list;
  // Lists are short (a few partners and fellows): insertion sort beats a sort with a comparator.
  for (let i = 1; i < list.length; i++) {
    const value = list[i]!;
    let at = i;
    while (at > 0 && list[at - 1]! > value) {
      list[at] = list[at - 1]!;
      at--;
    }
    list[at] = value;
  }
  let kept = 1;
  for (let i = 1; i < list.length; i++) if (list[i] !== list[kept - 1]) list[kept++] = list[i]!;
  list.length = kept;
  return list;
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
