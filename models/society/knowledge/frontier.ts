/**
 * An innovation's frontier: the communities that know it and may have a neighbour that does not,
 * ascending, each with the offers it would make now. Only they can offer it, so a month of spread
 * walks them instead of every community, and skips a member whose offers would all be refused
 * without walking its links. It may hold knowers that turn out to have no such neighbour (they
 * leave when next walked), never too few: a knower joins when it learns, and again whenever its
 * links change.
 */
export interface Frontier {
  members: Int32Array;
  /**
   * Per member: its neighbours that lack the innovation (and are not adopting it this month), one
   * per link — the offers it would make; `UNCOUNTED` until its next walk counts them.
   */
  offers: Int32Array;
  size: number;
}

/** A member's offers not yet counted: it joined, or its links changed, since it was last walked. */
export const UNCOUNTED = -1;

/** An empty frontier. */
export function newFrontier(): Frontier {
  return { members: new Int32Array(4), offers: new Int32Array(4), size: 0 };
}

/**
 * Adds `count` ascending communities (`additions[0 … count−1]`), keeping the frontier ascending and
 * without repeats; each added community's offers are `counted[i]` when given, else `UNCOUNTED` (and
 * `UNCOUNTED` for one already a member). Merges from the back into the frontier's own arrays
 * (grown by half when full), so a month of spread allocates nothing for a frontier that has room.
 */
export function mergeIntoFrontier(frontier: Frontier, additions: ArrayLike<number>, count: number, counted?: ArrayLike<number>): void {
  if (count === 0) return;
  const size = frontier.size;
  if (frontier.members.length < size + count) {
    const length = Math.max(4, Math.ceil((size + count) * 1.5));
    const [members, offers] = [new Int32Array(length), new Int32Array(length)];
    members.set(frontier.members.subarray(0, size));
    offers.set(frontier.offers.subarray(0, size));
    [frontier.members, frontier.offers] = [members, offers];
  }
  const { members, offers } = frontier;
  let i = size - 1;
  let j = count - 1;
  let k = size + count - 1;
  for (; j >= 0; k--) {
    if (i >= 0 && members[i]! > additions[j]!) {
      members[k] = members[i]!;
      offers[k] = offers[i--]!;
    } else {
      offers[k] = counted ? counted[j]! : UNCOUNTED;
      members[k] = additions[j--]!;
    }
  }
  // members[0 … i] were not moved and hold no repeats; from there on, drop each repeat (the
  // member stays, uncounted).
  let kept = i + 1;
  for (let r = i + 1; r < size + count; r++) {
    const next = members[r]!;
    if (kept === 0 || members[kept - 1] !== next) {
      members[kept] = next;
      offers[kept++] = offers[r]!;
    } else offers[kept - 1] = UNCOUNTED;
  }
  frontier.size = kept;
}
