import type { FlatLinks } from './links.js';

/**
 * The month's knowledge links, flattened: community c's neighbours are
 * `targets[start[c]] … targets[start[c+1] − 1]`, ascending. `read` also says whose links differ
 * from the month before, comparing against the previous month's flat copy (kept in a second pair
 * of arrays that the two months take in turn), so each community's list is asked for once.
 */
export class MonthLinks {
  start = new Int32Array(1);
  targets = new Int32Array(16);
  private previousStart = new Int32Array(1);
  private previousTargets = new Int32Array(16);
  /** Communities the previous month's copy covers (those beyond it count as changed). */
  private previousCount = 0;
  /**
   * For the k-th community `read` last named as changed: the neighbours it gained since the month
   * before (`gained.list[gained.start[k]] …` up to `gained.start[k+1]`, ascending) and those it lost.
   */
  readonly gained: LinkChanges = { start: new Int32Array(1), list: new Int32Array(16) };
  readonly lost: LinkChanges = { start: new Int32Array(1), list: new Int32Array(16) };

  /**
   * Copies this month's links of communities 0 … communities−1; returns those whose links differ
   * from the previous call's (new communities included), ascending.
   */
  read(links: LinkSource, communities: number): number[] {
    [this.start, this.previousStart] = [this.previousStart, this.start];
    [this.targets, this.previousTargets] = [this.previousTargets, this.targets];
    if (this.start.length < communities + 1) this.start = new Int32Array(Math.ceil((communities + 1) * 1.25));
    if (typeof links === 'function') this.copyLists(links, communities);
    else this.copyFlat(links, communities);
    const { start, targets } = this;
    const changed: number[] = [];
    const before = this.previousStart;
    const beforeTargets = this.previousTargets;
    for (let c = 0; c < communities; c++) {
      if (c >= this.previousCount) {
        changed.push(c);
        continue;
      }
      const from = start[c]!;
      const length = start[c + 1]! - from;
      const fromBefore = before[c]!;
      if (before[c + 1]! - fromBefore !== length) {
        changed.push(c);
        continue;
      }
      for (let i = 0; i < length; i++) {
        if (targets[from + i] !== beforeTargets[fromBefore + i]) {
          changed.push(c);
          break;
        }
      }
    }
    this.checkBothWays(changed);
    this.compare(changed);
    this.previousCount = communities;
    return changed;
  }

  /** Fills `gained` and `lost` for the changed communities: a merge of each one's old and new (ascending) lists. */
  private compare(changed: readonly number[]): void {
    const { start, targets, previousStart: before, previousTargets: beforeTargets, gained, lost } = this;
    if (gained.start.length < changed.length + 1) {
      gained.start = new Int32Array(Math.ceil((changed.length + 1) * 1.25));
      lost.start = new Int32Array(gained.start.length);
    }
    let g = 0;
    let l = 0;
    for (let k = 0; k < changed.length; k++) {
      const c = changed[k]!;
      gained.start[k] = g;
      lost.start[k] = l;
      let i = start[c]!;
      const end = start[c + 1]!;
      let j = c < this.previousCount ? before[c]! : 0;
      const endBefore = c < this.previousCount ? before[c + 1]! : 0;
      if (gained.list.length < g + end - i) gained.list = grown(gained.list, g, g + end - i);
      if (lost.list.length < l + endBefore - j) lost.list = grown(lost.list, l, l + endBefore - j);
      while (i < end || j < endBefore) {
        const now = i < end ? targets[i]! : Infinity;
        const then = j < endBefore ? beforeTargets[j]! : Infinity;
        if (now === then) [i, j] = [i + 1, j + 1];
        else if (now < then) gained.list[g++] = targets[i++]!;
        else lost.list[l++] = beforeTargets[j++]!;
      }
    }
    gained.start[changed.length] = g;
    lost.start[changed.length] = l;
  }

  /**
   * Throws unless every changed community's list is ascending and its neighbours list it in turn (links go both ways):
   * diffusion takes an adopter's offers back from its neighbours by reading the adopter's own
   * list. Those unchanged were checked in an earlier month.
   */
  private checkBothWays(changed: readonly number[]): void {
    const { start, targets } = this;
    for (const c of changed) {
      for (let n = start[c]!; n < start[c + 1]!; n++) {
        const other = targets[n]!;
        if (n > start[c]! && targets[n - 1]! > other) throw new Error(`knowledge links are listed ascending: ${c} lists ${targets[n - 1]} before ${other}`);
        if (!listed(targets, start[other]!, start[other + 1]!, c)) throw new Error(`knowledge links go both ways: ${c} lists ${other}, which does not list ${c}`);
      }
    }
  }

  /** This month's links from a list per community. */
  private copyLists(links: (community: number) => readonly number[], communities: number): void {
    const start = this.start;
    let targets = this.targets;
    let total = 0;
    for (let c = 0; c < communities; c++) {
      const list = links(c);
      start[c] = total;
      if (total + list.length > targets.length) {
        const grown = new Int32Array(Math.ceil((total + list.length) * 1.5));
        grown.set(targets.subarray(0, total));
        targets = this.targets = grown;
      }
      for (let i = 0; i < list.length; i++) targets[total++] = list[i]!;
    }
    start[communities] = total;
  }

  /** This month's links from flat ones (communities beyond theirs have none). */
  private copyFlat(links: FlatLinks, communities: number): void {
    const known = Math.min(links.count, communities);
    const total = links.start[known]!;
    this.start.set(links.start.subarray(0, known + 1));
    this.start.fill(total, known + 1, communities + 1);
    if (this.targets.length < total) this.targets = new Int32Array(Math.ceil(total * 1.5));
    this.targets.set(links.targets.subarray(0, total));
  }
}

/** Neighbours gained or lost, flat, per changed community. */
export interface LinkChanges {
  start: Int32Array;
  list: Int32Array;
}

/** A copy of `list[0 … used−1]` with room for at least `needed`. */
function grown(list: Int32Array, used: number, needed: number): Int32Array {
  const copy = new Int32Array(Math.ceil(needed * 1.5));
  copy.set(list.subarray(0, used));
  return copy;
}

/** Whether the ascending `list[from … to−1]` holds `value` (a binary search). */
function listed(list: Int32Array, from: number, to: number, value: number): boolean {
  while (from < to) {
    const mid = (from + to) >>> 1;
    const at = list[mid]!;
    if (at === value) return true;
    if (at < value) from = mid + 1;
    else to = mid;
  }
  return false;
}

/** A month's links, both ways (a lists b if and only if b lists a): a list per community (ascending), or flat (knowledge/links.ts). */
export type LinkSource = ((community: number) => readonly number[]) | FlatLinks;
