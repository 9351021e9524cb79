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
 * Built flat, into arrays reused from month to month (a list per community would be 14,000
 * small arrays a month at a million persons), and without sorting: each community's own
 * partners and fellows are read once, in the order met; that table turned inside out (for each
 * community, who names it) comes out ascending, as its rows are read in order, and turned back
 * it gives each community's own links ascending; each list is the two merged. The result is
 * valid until the next call.
 */
export function knowledgeLinks(society: Society): FlatLinks {
  const communities = society.communities;
  const n = communities.length;
  const fellows = formedFederations(society);
  // Who is inhabited, read once in order: looked up per link, the community objects lie all
  // over the heap and each lookup would be a cache miss.
  if (inhabited.length < n) inhabited = new Uint8Array(Math.ceil(n * 1.25));
  for (let c = 0; c < n; c++) inhabited[c] = communities[c]!.population > 0 ? 1 : 0;
  for (const rows of [raw, named, namers]) if (rows.start.length < n + 1) rows.start = new Int32Array(Math.ceil((n + 1) * 1.25));
  if (flat.start.length < n + 1) flat.start = new Int32Array(Math.ceil((n + 1) * 1.25));
  if (cursor.length < n + 1) cursor = new Int32Array(Math.ceil((n + 1) * 1.25));
  readOwnLinks(communities, fellows);
  const entries = raw.start[n]!;
  for (const rows of [named, namers]) if (rows.list.length < entries) rows.list = new Int32Array(Math.ceil(entries * 1.25));
  turnInsideOut(raw, namers, n);
  turnInsideOut(namers, named, n);
  if (flat.targets.length < 2 * entries) flat.targets = new Int32Array(Math.ceil(2 * entries * 1.25));
  const { start, targets } = flat;
  let at = 0;
  for (let c = 0; c < n; c++) {
    start[c] = at;
    at = mergeUnique(named.list, named.start[c]!, named.start[c + 1]!, namers.list, namers.start[c]!, namers.start[c + 1]!, targets, at);
  }
  start[n] = at;
  flat.count = n;
  return flat;
}

/** Lists by row: row r is `list[start[r]] … list[start[r+1] − 1]`. */
interface Rows {
  start: Int32Array;
  list: Int32Array;
}

let inhabited = new Uint8Array(0);
let cursor = new Int32Array(0);
/** Each community's own partners and fellows as met; who names each community; each one's own, ascending. */
const raw: Rows = { start: new Int32Array(1), list: new Int32Array(16) };
const namers: Rows = { start: new Int32Array(1), list: new Int32Array(16) };
const named: Rows = { start: new Int32Array(1), list: new Int32Array(16) };

/**
 * Into `raw`: each inhabited community's partners, then its federation's members, those
 * inhabited and not itself, in the order met (repeats kept).
 */
function readOwnLinks(communities: Society['communities'], fellows: Map<number, readonly number[]>): void {
  const n = communities.length;
  let at = 0;
  for (let c = 0; c < n; c++) {
    raw.start[c] = at;
    if (inhabited[c] === 0) continue;
    const community = communities[c]!;
    const partners = community.partners;
    const federation = community.governance.federation;
    const members = federation >= 0 ? fellows.get(federation) : undefined;
    const most = at + partners.length + (members ? members.length : 0);
    if (raw.list.length < most) {
      const grown = new Int32Array(Math.ceil(most * 1.5));
      grown.set(raw.list.subarray(0, at));
      raw.list = grown;
    }
    const list = raw.list;
    for (let i = 0; i < partners.length; i++) {
      const partner = partners[i]!;
      if (partner !== c && inhabited[partner] === 1) list[at++] = partner;
    }
    if (!members) continue;
    for (let i = 0; i < members.length; i++) {
      const partner = members[i]!;
      if (partner !== c && inhabited[partner] === 1) list[at++] = partner;
    }
  }
  raw.start[n] = at;
}

/** Into `to`, the rows of `from` turned inside out: row r lists the rows of `from` that hold r, ascending (rows are read in order). */
function turnInsideOut(from: Rows, to: Rows, n: number): void {
  const entries = from.start[n]!;
  const start = to.start;
  start.fill(0, 0, n + 1);
  for (let e = 0; e < entries; e++) start[from.list[e]! + 1]!++;
  for (let r = 0; r < n; r++) start[r + 1]! += start[r]!;
  cursor.set(start.subarray(0, n));
  const list = to.list;
  for (let r = 0; r < n; r++) {
    const end = from.start[r + 1]!;
    for (let e = from.start[r]!; e < end; e++) list[cursor[from.list[e]!]!++] = r;
  }
}

/** Ascending runs `a[aFrom … aTo−1]` and `b[bFrom … bTo−1]` merged into `out` from `at`, without repeats; returns where it ended. */
function mergeUnique(a: Int32Array, aFrom: number, aTo: number, b: Int32Array, bFrom: number, bTo: number, out: Int32Array, at: number): number {
  let last = -1; // ids are ≥ 0
  let i = aFrom;
  let j = bFrom;
  while (i < aTo || j < bTo) {
    const value = j >= bTo || (i < aTo && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (value !== last) out[at++] = last = value;
  }
  return at;
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
