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
    this.previousCount = communities;
    this.checkBothWays(changed);
    return changed;
  }

  /**
   * Throws unless every changed community's neighbours list it in turn (links go both ways):
   * diffusion takes an adopter's offers back from its neighbours by reading the adopter's own
   * list. Those unchanged were checked in an earlier month.
   */
  private checkBothWays(changed: readonly number[]): void {
    const { start, targets } = this;
    for (const c of changed) {
      for (let n = start[c]!; n < start[c + 1]!; n++) {
        const other = targets[n]!;
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
