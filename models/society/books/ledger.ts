/** Goods tracked by the books. Credit is checked apart: each union's balances sum to zero. */
export const GOODS = ['food', 'manufactures', 'resource'] as const;

/** One good of the books. */
export type Good = (typeof GOODS)[number];

/** Where goods enter the economy. */
export type Source = 'production' | 'regrowth';

/** Where goods leave it. */
export type Sink = 'consumption' | 'spoilage' | 'depreciation' | 'transport' | 'harvest' | 'publicSpending' | 'leaving' | 'service' | 'defence' | 'war' | 'tribute' | 'degradation' | 'sanctioning' | 'dispute';

/**
 * The books: sources and sinks per good for the current step and for the whole run, in
 * physical units. Transfers never appear here; a check compares sources − sinks with the
 * change in all holdings.
 */
export class Ledger {
  readonly step = new Map<string, number>();
  readonly total = new Map<string, number>();

  /** Records goods created (production, regrowth). */
  source(good: Good, kind: Source, amount: number): void {
    this.bump(entryKey(good, '+', kind), amount);
  }

  /** Records goods destroyed (consumption, spoilage, …). */
  sink(good: Good, kind: Sink, amount: number): void {
    this.bump(entryKey(good, '-', kind), amount);
  }

  /**
   * Records goods destroyed in a run of amounts (one per community, say), adding them in
   * order to the running totals exactly as `n` calls of `sink` would: same additions, same
   * order, so the same numbers; the key is looked up twice instead of 4n times.
   */
  sinkEach(good: Good, kind: Sink, amounts: ArrayLike<number>, n: number): void {
    if (n <= 0) return;
    const key = entryKey(good, '-', kind);
    let step = this.step.get(key) ?? 0;
    let total = this.total.get(key) ?? 0;
    for (let i = 0; i < n; i++) {
      step += amounts[i]!;
      total += amounts[i]!;
    }
    this.step.set(key, step);
    this.total.set(key, total);
  }

  /** Sources minus sinks of one good this step. */
  net(good: Good): number {
    let net = 0;
    for (const [key, value] of this.step) {
      if (!key.startsWith(good + ':')) continue;
      net += key[good.length + 1] === '+' ? value : -value;
    }
    return net;
  }

  /** One entry this step (0 if none). */
  get(good: Good, kind: Source | Sink): number {
    return this.step.get(`${good}:+${kind}`) ?? this.step.get(`${good}:-${kind}`) ?? 0;
  }

  /** Starts a new step's entries. */
  reset(): void {
    this.step.clear();
  }

  private bump(key: string, amount: number): void {
    this.step.set(key, (this.step.get(key) ?? 0) + amount);
    this.total.set(key, (this.total.get(key) ?? 0) + amount);
  }
}

/**
 * Entry keys (`food:-spoilage`), built once each and reused: a key built per call is a new
 * string that every Map lookup has to hash again; a reused one keeps its hash.
 */
function entryKey(good: Good, sign: '+' | '-', kind: Source | Sink): string {
  const name = sign === '+' ? SOURCE_NAMES : SINK_NAMES;
  let byKind = name.get(good);
  if (!byKind) name.set(good, (byKind = new Map()));
  let key = byKind.get(kind);
  if (key === undefined) {
    key = `${good}:${sign}${kind}`;
    byKind.set(kind, key);
  }
  return key;
}

const SOURCE_NAMES = new Map<Good, Map<string, string>>();
const SINK_NAMES = new Map<Good, Map<string, string>>();
