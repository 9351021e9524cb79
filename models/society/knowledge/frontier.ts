/**
 * An innovation's frontier: the communities that know it and may have a neighbour that does not,
 * ascending. Only they can offer it, so a month of spread walks them instead of every community.
 * It may hold knowers that turn out to have no such neighbour (they leave when next walked), never
 * too few: a knower joins when it learns, and again whenever its links change.
 */
export interface Frontier {
  members: Int32Array;
  size: number;
}

/** An empty frontier. */
export function newFrontier(): Frontier {
  return { members: new Int32Array(4), size: 0 };
}

/** Adds `count` ascending communities (`additions[0 … count−1]`), keeping the frontier ascending and without repeats. */
export function mergeIntoFrontier(frontier: Frontier, additions: ArrayLike<number>, count: number): void {
  if (count === 0) return;
  const old = frontier.members;
  const size = frontier.size;
  const merged = new Int32Array(Math.max(4, size + count));
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < size || j < count) {
    const next = j >= count || (i < size && old[i]! <= additions[j]!) ? old[i++]! : additions[j++]!;
    if (k === 0 || merged[k - 1] !== next) merged[k++] = next;
  }
  frontier.members = merged;
  frontier.size = k;
}

/**
 * The communities whose links differ from those seen last time (new ones included), ascending;
 * remembers the current links for next time.
 */
export function changedLinks(links: (community: number) => readonly number[], communities: number, seen: (readonly number[] | undefined)[]): number[] {
  const changed: number[] = [];
  for (let c = 0; c < communities; c++) {
    const now = links(c);
    const before = seen[c];
    if (before !== now && !sameList(before, now)) changed.push(c);
    seen[c] = now;
  }
  return changed;
}

function sameList(a: readonly number[] | undefined, b: readonly number[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
