import { Network } from '../../../sim/index.js';
import { distance, groupBy, type ServedPlace } from './place.js';
import { spanningTree } from './spanning-tree.js';

/** The transport region (a square tile of `size` cells) a place lies in. */
export function transportRegionOf(place: { x: number; y: number }, size: number, width: number): number {
  const tilesPerRow = Math.ceil(width / size);
  return Math.floor(place.y / size) * tilesPerRow + Math.floor(place.x / size);
}

/**
 * The transport network: inside each region its syndicate links its communities by a
 * minimum spanning tree; the regions coordinate by linking along a minimum spanning tree
 * over their centres, each such link joining the two closest communities of the two
 * regions. The result connects every place given (nodes are place ids, weights distances).
 */
export function transportNetwork(places: readonly ServedPlace[], size: number, width: number): Network {
  const network = new Network();
  const byId = new Map(places.map((place) => [place.id, place]));
  const regions = [...groupBy(places, (place) => transportRegionOf(place, size, width)).values()].map((ids) => ids.map((id) => byId.get(id)!));
  for (const members of regions) {
    for (const member of members) network.addNode(member.id);
    for (const [a, b] of spanningTree(members)) link(network, members[a]!, members[b]!);
  }
  const centres = regions.map(centre);
  for (const [a, b] of spanningTree(centres)) {
    const [from, to] = closestPair(regions[a]!, regions[b]!);
    link(network, from, to);
  }
  return network;
}

function link(network: Network, a: ServedPlace, b: ServedPlace): void {
  // Two communities on one cell are still two nodes: a tiny weight keeps the edge valid.
  network.addEdge(a.id, b.id, Math.max(1e-9, distance(a, b)));
}

function centre(members: readonly ServedPlace[]): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (const member of members) [x, y] = [x + member.x, y + member.y];
  return { x: x / members.length, y: y / members.length };
}

function closestPair(a: readonly ServedPlace[], b: readonly ServedPlace[]): [ServedPlace, ServedPlace] {
  let best: [ServedPlace, ServedPlace] = [a[0]!, b[0]!];
  let bestDistance = Infinity;
  for (const p of a) {
    for (const q of b) {
      const d = distance(p, q);
      if (d < bestDistance) [best, bestDistance] = [[p, q], d];
    }
  }
  return best;
}
