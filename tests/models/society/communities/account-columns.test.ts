import { describe, expect, it } from 'vitest';
import { AccountColumns, openAccounts } from '../../../../models/society/communities/account-columns.js';
import { Society } from '../../../../models/society/index.js';
import { small } from '../helpers.js';

describe("the communities' accounts as columns", () => {
  it('opens each community empty, in slots of its own, and keeps every value as the columns grow', () => {
    const columns = new AccountColumns(1, false);
    const opened = [0, 1, 2, 3, 4].map((id) => openAccounts(columns, id));
    opened.forEach(({ fund, taxes, collective }, id) => {
      expect([fund.toJSON(), taxes.toJSON(), collective.toJSON()]).toEqual([
        { food: 0, manufactures: 0, credit: 0 }, { food: 0, manufactures: 0, credit: 0 }, { capital: 0, manufactures: 0, credit: 0 },
      ]);
      fund.food = id + 0.25;
      taxes.manufactures = id + 0.5;
      collective.manufactures = -(id + 1);
      collective.credit = 10 * id;
    });
    opened.forEach(({ fund, taxes, collective }, id) => {
      expect([columns.food[2 * id], columns.manufactures[2 * id + 1], columns.stock[id], columns.loan[id]]).toEqual([id + 0.25, id + 0.5, -(id + 1), 10 * id]);
      expect([fund.food, fund.manufactures, taxes.food, taxes.manufactures]).toEqual([id + 0.25, 0, 0, id + 0.5]);
      expect(JSON.parse(JSON.stringify(collective))).toEqual({ capital: 0, manufactures: -(id + 1), credit: 10 * id });
    });
  });

  it('holds what the phases and the kernels booked: the views and the columns agree after a run with taxes and interest', () => {
    const society = new Society(small('state', { population: 1500, communities: 6 }), 5);
    society.run({ steps: 8 });
    const { accounts } = society;
    let stocked = 0;
    for (const c of society.communities) {
      expect([c.fund.food, c.fund.manufactures, c.fund.credit]).toEqual([accounts.food[2 * c.id], accounts.manufactures[2 * c.id], accounts.credit[2 * c.id]]);
      expect([c.taxes.food, c.taxes.manufactures]).toEqual([accounts.food[2 * c.id + 1], accounts.manufactures[2 * c.id + 1]]);
      expect([c.collective.capital, c.collective.manufactures, c.collective.credit]).toEqual([accounts.capital[c.id], accounts.stock[c.id], accounts.loan[c.id]]);
      if (c.collective.capital > 0) stocked++;
    }
    // Something was booked into them: the collectives invested.
    expect(stocked).toBeGreaterThan(0);
  });
});
