import type { Rng } from './rng.js';

/**
 * An agent object: large, few (communities, syndicates, federations). Persons live in a Table.
 * The id is given by the model (e.g. `model.nextAgentId()`): a counter shared by the whole
 * process would make ids depend on what ran before in the same worker, and outputs with them.
 */
export class Agent {
  readonly id: number;

  constructor(id: number) {
    this.id = id;
  }
}

/** Options for `AgentSet.select`. */
export interface SelectOptions<T> {
  /** Keep agents for which this returns true. */
  filter?: (agent: T) => boolean;
  /** Keep at most this many (the first n that pass, in the set's order). */
  n?: number;
}

/**
 * An ordered set of agents with Mesa-3-style verbs: select, shuffle, do, map, groupBy,
 * agg, sort. Agents may be added or removed while `do`/`forEach` runs: removed agents
 * are skipped, added ones wait for the next loop.
 */
export class AgentSet<T extends object> implements Iterable<T> {
  private items: T[];
  private readonly present = new Set<T>();

  constructor(items: Iterable<T> = []) {
    this.items = [];
    for (const item of items) this.add(item);
  }

  /** Number of agents. */
  get length(): number {
    return this.present.size;
  }

  /** Adds an agent at the end (no-op if already present). */
  add(agent: T): this {
    if (!this.present.has(agent)) {
      this.present.add(agent);
      this.items.push(agent);
    }
    return this;
  }

  /** Removes an agent; safe during iteration. */
  remove(agent: T): this {
    if (this.present.delete(agent)) {
      const index = this.items.indexOf(agent);
      if (index >= 0) this.items.splice(index, 1);
    }
    return this;
  }

  /** Whether the agent is in the set. */
  has(agent: T): boolean {
    return this.present.has(agent);
  }

  /** The agent at a position in the set's order. */
  at(index: number): T | undefined {
    return this.items[index];
  }

  /** A new set of the agents that pass the filter, at most n of them. */
  select(options: SelectOptions<T> | ((agent: T) => boolean) = {}): AgentSet<T> {
    const { filter, n } = typeof options === 'function' ? { filter: options, n: undefined } : options;
    const out: T[] = [];
    for (const agent of this.items) {
      if (n !== undefined && out.length >= n) break;
      if (!filter || filter(agent)) out.push(agent);
    }
    return new AgentSet(out);
  }

  /** A new set in random order (the stream decides; this set is unchanged). */
  shuffle(rng: Rng): AgentSet<T> {
    return new AgentSet(rng.shuffle(this.items.slice()));
  }

  /** A new set sorted by key (ascending; `descending` to reverse). Stable. */
  sort(key: (agent: T) => number, descending = false): AgentSet<T> {
    const sign = descending ? -1 : 1;
    return new AgentSet(this.items.slice().sort((a, b) => sign * (key(a) - key(b))));
  }

  /** Calls fn on every agent present when the loop starts, skipping those removed meanwhile. */
  do(fn: (agent: T) => void): this {
    for (const agent of this.items.slice()) if (this.present.has(agent)) fn(agent);
    return this;
  }

  /** Calls fn on every agent in random order. */
  shuffleDo(rng: Rng, fn: (agent: T) => void): this {
    for (const agent of rng.shuffle(this.items.slice())) if (this.present.has(agent)) fn(agent);
    return this;
  }

  /** The values of fn for every agent, in order. */
  map<U>(fn: (agent: T) => U): U[] {
    return this.items.map((agent) => fn(agent));
  }

  /** Agents grouped by key, groups in order of first appearance. */
  groupBy<K>(key: (agent: T) => K): Map<K, AgentSet<T>> {
    const groups = new Map<K, AgentSet<T>>();
    for (const agent of this.items) {
      const k = key(agent);
      let group = groups.get(k);
      if (!group) groups.set(k, (group = new AgentSet<T>()));
      group.add(agent);
    }
    return groups;
  }

  /** Applies an aggregate (sum, mean, min, max, or any function of the values) to fn's values. */
  agg(fn: (agent: T) => number, aggregate: Aggregate = 'sum'): number {
    const values = this.items.map(fn);
    return typeof aggregate === 'function' ? aggregate(values) : AGGREGATES[aggregate](values);
  }

  /** The agents as an array (a copy). */
  toArray(): T[] {
    return this.items.slice();
  }

  [Symbol.iterator](): Iterator<T> {
    return this.items.slice()[Symbol.iterator]();
  }
}

/** A named aggregate or a function of the values. */
export type Aggregate = 'sum' | 'mean' | 'min' | 'max' | ((values: number[]) => number);

const AGGREGATES = {
  sum: (values: number[]) => values.reduce((a, b) => a + b, 0),
  mean: (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN),
  min: (values: number[]) => values.reduce((a, b) => Math.min(a, b), Infinity),
  max: (values: number[]) => values.reduce((a, b) => Math.max(a, b), -Infinity),
};
