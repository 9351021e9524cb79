import { distance, type ServedPlace } from './place.js';
import { SpatialHash } from './spatial-hash.js';

/** Persons per cell a place holds. */
export function density(place: ServedPlace): number {
  return place.area > 0 ? place.population / place.area : place.population;
}

/**
 * Health catchments: urban cores are places at or above the density threshold, joined by
 * single linkage (cores closer than `reach` share a catchment, transitively). Every other
 * place joins the catchment of its nearest core within 2·reach (a suburb) or, with none
 * near, is a catchment of its own. Returns place id → catchment key (the smallest core id
 * of the cluster, or the place's own id).
 */
export function healthCatchments(places: readonly ServedPlace[], threshold: number, reach: number): Map<number, number> {
  const cores = places.filter((place) => density(place) >= threshold).sort((a, b) => a.id - b.id);
  const parent = new Map<number, number>(cores.map((core) => [core.id, core.id]));
  const root = (id: number): number => {
    let r = id;
    while (parent.get(r)! !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  const cellSize = Math.max(1, reach);
  const coreHash = new SpatialHash(cores, cellSize);
  for (const core of cores) {
    for (const other of coreHash.within(core, reach)) {
      const [a, b] = [root(core.id), root(other.id)];
      // The smaller id becomes the root, so keys do not depend on visiting order.
      if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
    }
  }
  const catchment = new Map<number, number>();
  for (const place of places) {
    if (parent.has(place.id)) catchment.set(place.id, root(place.id));
    else catchment.set(place.id, nearestCore(place, coreHash, 2 * reach, root) ?? place.id);
  }
  return catchment;
}

function nearestCore(place: ServedPlace, cores: SpatialHash<ServedPlace>, radius: number, root: (id: number) => number): number | undefined {
  let best: ServedPlace | undefined;
  let bestDistance = Infinity;
  for (const core of cores.within(place, radius)) {
    const d = distance(core, place);
    if (d < bestDistance) [best, bestDistance] = [core, d];
  }
  return best === undefined ? undefined : root(best.id);
}
