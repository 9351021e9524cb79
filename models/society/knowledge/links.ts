import type { Society } from '../society.js';

/**
 * Knowledge links, flat: community c's neighbours are `targets[start[c]] … targets[start[c+1] − 1]`,
 * ascending, for c < `count`. Rebuilt in place each month (the arrays only grow).
 */
export interface FlatLinks {
  start: Int32Array;
  targets: Int32Array;
  count: number;
}

const flat: FlatLinks = { start: new Int32Array(1), targets: new Int32Array(16), count: 0 };

/** One community's links out of a `FlatLinks` (a copy: for tests and checks, not for the month's loops). */
export function linksOf(links: FlatLinks, c: number): number[] {
  return Array.from(links.targets.subarray(links.start[c]!, links.start[c + 1]!));
}

/**
 * Each community's knowledge links: trade partners both ways and federation partners,
 * ascending (each list sorted and rid of repeats, the set a union of both directions gives).
 * Built flat — each link counted, then placed, then each list sorted — into arrays reused
 * from month to month: a list per community would be 14,000 small arrays a month at a
 * million persons. The result is valid until the next call.
 */
export function knowledgeLinks(society: Society): FlatLinks {
  const communities = society.communities;
  const n = communities.length;
  const fellows = formedFederations(society);
  // Who is inhabited, read once in order: looked up per link, the community objects lie all
  // over the heap and each lookup would be a cache miss.
  if (inhabited.length < n) inhabited = new Uint8Array(Math.ceil(n * 1.25));
  for (let c = 0; c < n; c++) inhabited[c] = communities[c]!.population > 0 ? 1 : 0;
  if (flat.start.length < n + 1) flat.start = new Int32Array(Math.ceil((n + 1) * 1.25));
  if (cursor.length < n + 1) cursor = new Int32Array(Math.ceil((n + 1) * 1.25));
  const start = flat.start;
  // Two passes over the same links: count each community's, then place them.
  start.fill(0, 0, n + 1);
  forEachLink(communities, fellows, (c, partner) => {
    start[c + 1]!++;
    start[partner + 1]!++;
  });
  for (let c = 0; c < n; c++) start[c + 1]! += start[c]!;
  if (flat.targets.length < start[n]!) flat.targets = new Int32Array(Math.ceil(start[n]! * 1.25));
  const targets = flat.targets;
  cursor.set(start.subarray(0, n));
  forEachLink(communities, fellows, (c, partner) => {
    targets[cursor[c]!++] = partner;
    targets[cursor[partner]!++] = c;
  });
  // Each list ascending and rid of repeats, packed toward the front (a list never starts later than before).
  let packed = 0;
  for (let c = 0; c < n; c++) {
    const from = start[c]!;
    const to = start[c + 1]!;
    start[c] = packed;
    packed = ascendingUniqueInto(targets, from, to, packed);
  }
  start[n] = packed;
  flat.count = n;
  return flat;
}

let inhabited = new Uint8Array(0);
let cursor = new Int32Array(0);

/** Calls `link(c, partner)` for every link between two inhabited communities, in the order the lists are built. */
function forEachLink(communities: Society['communities'], fellows: Map<number, readonly number[]>, link: (c: number, partner: number) => void): void {
  for (let c = 0; c < communities.length; c++) {
    if (inhabited[c] === 0) continue;
    const community = communities[c]!;
    const partners = community.partners;
    for (let i = 0; i < partners.length; i++) {
      const partner = partners[i]!;
      if (partner !== c && inhabited[partner] === 1) link(c, partner);
    }
    const federation = community.governance.federation;
    const members = federation >= 0 ? fellows.get(federation) : undefined;
    if (!members) continue;
    for (let i = 0; i < members.length; i++) {
      const partner = members[i]!;
      if (partner !== c && inhabited[partner] === 1) link(c, partner);
    }
  }
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

/** Sorts `list[from … to−1]` ascending and writes it without repeats from `at` (≤ from); returns where it ended. */
function ascendingUniqueInto(list: Int32Array, from: number, to: number, at: number): number {
  // Lists are short (a few partners and fellows): insertion sort beats a sort with a comparator.
  for (let i = from + 1; i < to; i++) {
    const value = list[i]!;
    let j = i;
    while (j > from && list[j - 1]! > value) {
      list[j] = list[j - 1]!;
      j--;
    }
    list[j] = value;
  }
  let last = -1; // ids are ≥ 0
  for (let i = from; i < to; i++) {
    const value = list[i]!;
    if (value !== last) list[at++] = last = value;
  }
  return at;
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
