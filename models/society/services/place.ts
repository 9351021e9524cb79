/** What the service-region functions need to know of a community. */
export interface ServedPlace {
  id: number;
  /** Site cell coordinates. */
  x: number;
  y: number;
  population: number;
  /** Cells it uses (for density). */
  area: number;
}

/** Euclidean distance between two places, in cells. */
export function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Groups ids by a key, both in ascending order: key → ids. */
export function groupBy(places: readonly ServedPlace[], keyOf: (place: ServedPlace) => number): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  const sorted = [...places].sort((a, b) => a.id - b.id);
  for (const place of sorted) {
    const key = keyOf(place);
    const group = groups.get(key);
    if (group) group.push(place.id);
    else groups.set(key, [place.id]);
  }
  return new Map([...groups].sort((a, b) => a[0] - b[0]));
}
