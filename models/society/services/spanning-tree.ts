/** A point for the spanning tree. */
export interface TreePoint {
  x: number;
  y: number;
}

/**
 * The Euclidean minimum spanning tree of points (Prim's algorithm, O(k²) — used on a
 * region's members or on region centres, never on everyone): pairs of indices, in the order
 * they joined. Ties go to the smaller index, so the tree is deterministic.
 */
export function spanningTree(points: readonly TreePoint[]): [number, number][] {
  const k = points.length;
  const edges: [number, number][] = [];
  if (k < 2) return edges;
  const inTree = new Uint8Array(k);
  const best = new Float64Array(k).fill(Infinity);
  const from = new Int32Array(k).fill(-1);
  let current = 0;
  inTree[0] = 1;
  for (let added = 1; added < k; added++) {
    const here = points[current]!;
    let next = -1;
    for (let i = 0; i < k; i++) {
      if (inTree[i]) continue;
      const d = Math.hypot(points[i]!.x - here.x, points[i]!.y - here.y);
      if (d < best[i]!) [best[i], from[i]] = [d, current];
      if (next < 0 || best[i]! < best[next]!) next = i;
    }
    inTree[next] = 1;
    edges.push([from[next]!, next]);
    current = next;
  }
  return edges;
}
