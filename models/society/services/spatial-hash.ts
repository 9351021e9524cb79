import { distance } from './place.js';

interface Point {
  id: number;
  x: number;
  y: number;
}

/** Bucket coordinates are shifted by the offset and packed with the stride (2^21), well inside 2^53. */
const KEY_OFFSET = 1 << 20;
const KEY_STRIDE = 1 << 21;

/**
 * Points bucketed in square cells of a given size, so "everything within r" looks at a few
 * buckets instead of every point (near-linear where a pairwise scan would be quadratic).
 */
export class SpatialHash<P extends Point> {
  private readonly buckets = new Map<number, P[]>();

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
        const bucket = this.buckets.get(this.key(bx + dx, by + dy));
        if (!bucket) continue;
        for (let i = 0; i < bucket.length; i++) {
          if (distance(bucket[i]!, centre) <= radius) out.push(bucket[i]!);
        }
      }
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /** The points within `radius` of a point (itself included), in no set order, written to `out`; returns how many. */
  collectWithin(centre: { x: number; y: number }, radius: number, out: P[]): number {
    const span = Math.ceil(radius / this.size);
    const bx = Math.floor(centre.x / this.size);
    const by = Math.floor(centre.y / this.size);
    let n = 0;
    for (let dy = -span; dy <= span; dy++) {
      for (let dx = -span; dx <= span; dx++) {
        const bucket = this.buckets.get(this.key(bx + dx, by + dy));
        if (!bucket) continue;
        for (let i = 0; i < bucket.length; i++) {
          if (distance(bucket[i]!, centre) <= radius) out[n++] = bucket[i]!;
        }
      }
    }
    return n;
  }

  /** The point nearest a point within `radius` (ties: the smallest id), or undefined: `within`'s first at the least distance. */
  nearestWithin(centre: { x: number; y: number }, radius: number): P | undefined {
    const span = Math.ceil(radius / this.size);
    const bx = Math.floor(centre.x / this.size);
    const by = Math.floor(centre.y / this.size);
    let best: P | undefined;
    let bestDistance = Infinity;
    for (let dy = -span; dy <= span; dy++) {
      for (let dx = -span; dx <= span; dx++) {
        const bucket = this.buckets.get(this.key(bx + dx, by + dy));
        if (!bucket) continue;
        for (let i = 0; i < bucket.length; i++) {
          const d = distance(bucket[i]!, centre);
          if (d > radius) continue;
          if (d < bestDistance || (d === bestDistance && bucket[i]!.id < best!.id)) {
            best = bucket[i]!;
            bestDistance = d;
          }
        }
      }
    }
    return best;
  }

  /** A bucket's key as one number (no string built per lookup): exact for |bx|, |by| < 2^20. */
  private key(bx: number, by: number): number {
    return (bx + KEY_OFFSET) * KEY_STRIDE + (by + KEY_OFFSET);
  }
}
