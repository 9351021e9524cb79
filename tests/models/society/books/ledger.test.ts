import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../../models/society/books/ledger.js';

describe('Ledger.sinkEach', () => {
  it('leaves the books exactly as one sink call per amount would, entries in the same order', () => {
    const amounts = Float64Array.from({ length: 50 }, (_, i) => Math.sin(i + 1) * 10 ** (i % 7) + 0.1);
    const one = new Ledger();
    const each = new Ledger();
    for (const ledger of [one, each]) {
      ledger.source('food', 'production', 3.3);
      ledger.sink('food', 'spoilage', 0.7); // an entry already open before the run
    }
    for (let i = 0; i < amounts.length; i++) {
      one.sink('food', 'spoilage', amounts[i]!);
      one.sink('manufactures', 'consumption', amounts[amounts.length - 1 - i]!);
    }
    each.sinkEach('food', 'spoilage', amounts, amounts.length);
    each.sinkEach('manufactures', 'consumption', amounts.slice().reverse(), amounts.length);
    expect([...each.step]).toEqual([...one.step]);
    expect([...each.total]).toEqual([...one.total]);
    expect(Object.is(each.net('food'), one.net('food'))).toBe(true);
  });

  it('opens no entry for an empty run, and keeps totals across steps', () => {
    const ledger = new Ledger();
    ledger.sinkEach('food', 'consumption', new Float64Array(3), 0);
    expect(ledger.step.size).toBe(0);
    ledger.sinkEach('food', 'consumption', [1, 2], 2);
    ledger.reset();
    ledger.sinkEach('food', 'consumption', [4], 1);
    expect(ledger.get('food', 'consumption')).toBe(4);
    expect(ledger.total.get('food:-consumption')).toBe(7);
  });
});
