import type { ServedPlace } from './place.js';
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
  // Cores by rank in id order: the smallest rank of a cluster is its smallest id.
  const ranked = cores.map((core, rank) => ({ id: rank, x: core.x, y: core.y }));
  const parent = Int32Array.from(ranked, (core) => core.id);
  const root = (rank: number): number => {
    let r = rank;
    while (parent[r]! !== r) r = parent[r]!;
    parent[rank] = r;
    return r;
  };
  const coreHash = new SpatialHash(ranked, Math.max(1, reach));
  const near: { id: number; x: number; y: number }[] = [];
  for (const core of ranked) {
    const n = coreHash.collectWithin(core, reach, near);
    for (let i = 0; i < n; i++) {
      const a = root(core.id);
      const b = root(near[i]!.id);
      // The smaller rank becomes the root, so keys do not depend on visiting order.
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const catchment = new Map<number, number>();
  let next = 0;
  for (const place of places) {
    // Cores come in id order among the places; a place is the next core when it is that one.
    const rank = next < cores.length && cores[next] === place ? next++ : coreRank(cores, place);
    if (rank >= 0) catchment.set(place.id, cores[root(rank)]!.id);
    else {
      // The nearest core within twice the reach (ties: the smallest id), as a suburb.
      const nearest = coreHash.nearestWithin(place, 2 * reach);
      catchment.set(place.id, nearest === undefined ? place.id : cores[root(nearest.id)]!.id);
    }
  }
  return catchment;
}

/** A place's rank among the cores (−1 if it is none), when places do not come in id order. */
function coreRank(cores: readonly ServedPlace[], place: ServedPlace): number {
  let low = 0;
  let high = cores.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (cores[mid]!.id === place.id) return cores[mid] === place ? mid : -1;
    if (cores[mid]!.id < place.id) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
