import { distance } from './place.js';

interface Point {
  id: number;
  x: number;
  y: number;
}

/**
 * Points bucketed in square cells of a given size, so "everything within r" looks at a few
 * buckets instead of every point (near-linear where a pairwise scan would be quadratic).
 */
export class SpatialHash<P extends Point> {
  private readonly buckets = new Map<string, P[]>();

  constructor(points: readonly P[], private readonly size: number) {
    for (const point of points) {
      const key = this.key(Math.floor(point.x / size), Math.floor(point.y / size));
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(point);
      else this.buckets.set(key, [point]);
    }
  }

  /** The points within `radius` of a point (itself included), ascending by id. */
  within(centre: { x: number; y: number }, radius: number): P[] {
    const span = Math.ceil(radius / this.size);
    const bx = Math.floor(centre.x / this.size);
    const by = Math.floor(centre.y / this.size);
    const out: P[] = [];
    for (let dy = -span; dy <= span; dy++) {
      for (let dx = -span; dx <= span; dx++) {
        for (const point of this.buckets.get(this.key(bx + dx, by + dy)) ?? []) {
          if (distance(point, centre) <= radius) out.push(point);
        }
      }
    }
    return out.sort((a, b) => a.id - b.id);
  }

  private key(bx: number, by: number): string {
    return `${bx},${by}`;
  }
}
