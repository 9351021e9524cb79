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

/**
 * Adds `count` ascending communities (`additions[0 … count−1]`), keeping the frontier ascending and
 * without repeats. Merges from the back into the frontier's own array (grown by half when full),
 * so a month of spread allocates nothing for a frontier that has room.
 */
export function mergeIntoFrontier(frontier: Frontier, additions: ArrayLike<number>, count: number): void {
  if (count === 0) return;
  const size = frontier.size;
  if (frontier.members.length < size + count) {
    const grown = new Int32Array(Math.max(4, Math.ceil((size + count) * 1.5)));
    grown.set(frontier.members.subarray(0, size));
    frontier.members = grown;
  }
  const members = frontier.members;
  let i = size - 1;
  let j = count - 1;
  let k = size + count - 1;
  while (j >= 0) members[k--] = i >= 0 && members[i]! > additions[j]! ? members[i--]! : additions[j--]!;
  // members[0 … i] were not moved and hold no repeats; from there on, drop each repeat.
  let kept = i + 1;
  for (let r = i + 1; r < size + count; r++) {
    const next = members[r]!;
    if (kept === 0 || members[kept - 1] !== next) members[kept++] = next;
  }
  frontier.size = kept;
}
