import { Model, Table, gini, mean, resolveParams, type ModelDefinition, type ParamTable, type ParamValues } from '../../sim/index.js';

/** The Boltzmann wealth model's parameters. */
export const boltzmannParams = {
  agents: {
    kind: 'number', default: 1000, min: 2, max: 10_000_000, integer: true, unit: 'persons',
    meaning: 'Number of persons trading',
    source: 'Large enough for the wealth distribution to settle to its stationary shape',
  },
  initialWealth: {
    kind: 'number', default: 1, min: 0, max: 1_000_000, unit: 'units',
    meaning: 'Wealth every person starts with (integer for unit exchange)',
    source: 'Mesa tutorial: everyone starts with 1',
  },
  tradesPerStep: {
    kind: 'number', default: 1, min: 1, max: 1000, integer: true, unit: 'exchanges per person per step',
    meaning: 'How many exchanges each person starts in one step (each in a fresh random order)',
    source: 'Mesa tutorial: each agent acts once per step',
  },
  exchange: {
    kind: 'enum', default: 'unit', options: ['unit', 'continuous'],
    meaning: "'unit': give one unit, if you have it, to a random other person; 'continuous': pool with a random other person and split at a uniform random share",
    source: "'unit': Mesa's introductory tutorial; 'continuous': Drăgulescu & Yakovenko (2000), Eur. Phys. J. B 17:723",
  },
  savingShare: {
    kind: 'number', default: 0, min: 0, max: 0.99, unit: 'share of wealth',
    meaning: 'Share of their wealth each party keeps out of a continuous exchange (ignored by unit exchange)',
    source: 'Chakraborti & Chakrabarti (2000), Eur. Phys. J. B 17:167; 0 gives the exponential distribution',
  },
} satisfies ParamTable;

/** Resolved Boltzmann parameters. */
export type BoltzmannParams = ParamValues<typeof boltzmannParams>;

/** The Boltzmann wealth model: persons in a Table with a wealth column, exchanging at random. */
export class BoltzmannModel extends Model {
  /** The persons: one row each, with their wealth. */
  readonly people: Table<{ wealth: Float64ArrayConstructor }>;
  readonly params: BoltzmannParams;
  /** The order persons act in; reshuffled before each round of exchanges. */
  private readonly order: Int32Array;

  constructor(params: Partial<BoltzmannParams>, seed: number) {
    super(seed);
    this.params = resolveParams(boltzmannParams, params);
    const { agents, initialWealth } = this.params;
    this.people = new Table({ wealth: Float64Array }, agents);
    for (let i = 0; i < agents; i++) this.people.add({ wealth: initialWealth });
    this.order = Int32Array.from({ length: agents }, (_, i) => i);
    const exchange = this.params.exchange === 'continuous' ? exchangeShares : exchangeUnits;
    this.setPhases({ exchange });
    this.collect({
      model: {
        gini_wealth: (m) => gini(m.people.cols.wealth, m.people.length),
        total_wealth: (m) => m.totalWealth(),
        max_wealth: (m) => maxOf(m.people.cols.wealth, m.people.length),
        mean_wealth: (m) => mean(m.people.cols.wealth, m.people.length),
      },
    });
  }

  /** The sum of everyone's wealth (conserved by every exchange). */
  totalWealth(): number {
    const wealth = this.people.cols.wealth;
    let total = 0;
    for (let i = 0; i < this.people.length; i++) total += wealth[i]!;
    return total;
  }

  /** The rows in the order they act this round: a fresh shuffle from the model's stream. */
  shuffledOrder(): Int32Array {
    return this.rng.shuffle(this.order);
  }
}

/** Mesa's rule: in random order, each person with at least one unit gives one to a random other. Reads and mutates wealth. */
function exchangeUnits(model: BoltzmannModel): void {
  const wealth = model.people.cols.wealth;
  const n = model.people.length;
  const rng = model.rng;
  for (let round = 0; round < model.params.tradesPerStep; round++) {
    const order = model.shuffledOrder();
    for (let k = 0; k < n; k++) {
      const giver = order[k]!;
      if (wealth[giver]! < 1) continue;
      const receiver = otherThan(giver, rng.int(n - 1));
      wealth[giver]! -= 1;
      wealth[receiver]! += 1;
    }
  }
}

/**
 * Drăgulescu–Yakovenko exchange with Chakraborti–Chakrabarti saving: in random order, each
 * person pairs with a random other; each keeps `savingShare` of their wealth and the rest is
 * pooled and split at a uniform random share. Reads and mutates wealth.
 */
function exchangeShares(model: BoltzmannModel): void {
  const wealth = model.people.cols.wealth;
  const n = model.people.length;
  const rng = model.rng;
  const saving = model.params.savingShare;
  for (let round = 0; round < model.params.tradesPerStep; round++) {
    const order = model.shuffledOrder();
    for (let k = 0; k < n; k++) {
      const a = order[k]!;
      const b = otherThan(a, rng.int(n - 1));
      const pooled = (1 - saving) * (wealth[a]! + wealth[b]!);
      const share = rng.next();
      // b's new wealth is what remains of the pair's total, so the books balance exactly.
      const total = wealth[a]! + wealth[b]!;
      wealth[a] = saving * wealth[a]! + share * pooled;
      wealth[b] = total - wealth[a]!;
    }
  }
}

/** Maps a draw from [0, n-1) onto [0, n) without `self`: a uniform choice among the others. */
function otherThan(self: number, draw: number): number {
  return draw >= self ? draw + 1 : draw;
}

function maxOf(values: Float64Array, n: number): number {
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (values[i]! > max) max = values[i]!;
  return max;
}

/** The Boltzmann wealth model as a runnable definition (`"model": "boltzmann"` in scenarios). */
export const boltzmannModel: ModelDefinition = {
  name: 'boltzmann',
  description: 'Boltzmann wealth model: persons exchange wealth at random; inequality emerges from chance alone',
  params: boltzmannParams,
  create: (params, seed) => new BoltzmannModel(params as Partial<BoltzmannParams>, seed),
};
