import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { centralBudget } from '../../../../models/society/phases/central-budget.js';
import { consume } from '../../../../models/society/phases/consume.js';
import { distribute } from '../../../../models/society/phases/distribute.js';
import { exchange } from '../../../../models/society/phases/exchange.js';
import { trade } from '../../../../models/society/phases/trade.js';
import { small } from '../helpers.js';
import { referenceCentralBudget, referenceConsume, referenceDistribute, referenceExchange, referenceTrade } from './economy-reference.js';

const SCRATCH_COLUMNS = new Set(['foodIncome', 'manufacturesIncome', 'wantFood', 'offerFood', 'wantManufactures', 'offerManufactures', 'carerRow']);

/** Everything the economy's phases write, as labelled numbers (the ledger's keys in their order too). */
function state(society: Society): { labels: string[]; values: Float64Array } {
  const labels: string[] = [];
  const values: number[] = [];
  const add = (label: string, value: number) => (labels.push(label), values.push(value));
  const n = society.people.length;
  for (const [name, column] of Object.entries(society.people.cols)) {
    // Scratch of distribution and of the markets, now kept per member outside the table: nothing else reads these.
    if (SCRATCH_COLUMNS.has(name)) continue;
    for (let row = 0; row < n; row++) add(`${name}[${row}]`, column[row]!);
  }
  for (const c of society.communities) {
    for (const [part, account] of Object.entries({ fund: c.fund, collective: c.collective, taxes: c.taxes, food: c.food, manufactures: c.manufactures })) {
      for (const [key, value] of Object.entries(account)) if (typeof value === 'number') add(`community ${c.id} ${part}.${key}`, value);
    }
    add(`community ${c.id} clearing`, c.clearing);
  }
  for (const [key, value] of Object.entries({ ...society.counters, ...society.budget })) add(key, value);
  for (const [key, value] of society.ledger.step) add(`ledger step ${key}`, value);
  for (const [key, value] of society.ledger.total) add(`ledger total ${key}`, value);
  add('events', society.events.events.length);
  return { labels, values: Float64Array.from(values) };
}

/** The first label whose number differs bit for bit (or whose label differs), or '' when all match. */
function firstDifference(a: ReturnType<typeof state>, b: ReturnType<typeof state>): string {
  const bitsA = new BigUint64Array(a.values.buffer);
  const bitsB = new BigUint64Array(b.values.buffer);
  for (let i = 0; i < Math.max(a.labels.length, b.labels.length); i++) {
    if (a.labels[i] !== b.labels[i] || bitsA[i] !== bitsB[i]) return `${a.labels[i]}: ${a.values[i]} vs ${b.labels[i]}: ${b.values[i]}`;
  }
  return '';
}

/** The tuned phases in step order, each beside its reference. */
const PHASES = [
  [distribute.run, referenceDistribute],
  [centralBudget.run, referenceCentralBudget],
  [exchange.run, referenceExchange],
  [trade.run, referenceTrade],
  [consume.run, referenceConsume],
] as const;

/**
 * Two societies built alike and stepped alike; at a few points one runs the tuned phases and
 * the other the references, and everything they wrote must match exactly (Object.is on every
 * number, so even a sum added in another order fails).
 */
function compareOver(scenario: string, extra: Record<string, unknown> = {}): void {
  const params = small(scenario, { population: 800, communities: 8, ...extra });
  const tuned = new Society(params as never, 11);
  const reference = new Society(params as never, 11);
  for (const steps of [2, 9, 14]) {
    tuned.run({ steps });
    reference.run({ steps });
    for (const [fast, slow] of PHASES) {
      fast(tuned);
      slow(reference);
      expect(firstDifference(state(tuned), state(reference))).toBe('');
    }
  }
}

describe('the tuned economy phases match their first, pass-per-rule form exactly', () => {
  it('under self-management (default: sharing, the fund, credit unions)', () => compareOver('default'));
  it('under the state (landlords, wage labour, interest, the central budget)', () => compareOver('state'));
  it('under communism and mutualism (full sharing, none)', () => {
    compareOver('communism');
    compareOver('mutualism');
  });
  it('with owners but no proprietors left to pay (the fund takes their part)', () => compareOver('state', { proprietorShare: 0 }));
});
