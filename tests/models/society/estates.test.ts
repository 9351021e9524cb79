import { describe, expect, it } from 'vitest';
import { Society } from '../../../models/society/index.js';
import { demography } from '../../../models/society/phases/demography.js';
import { small } from './helpers.js';

/** Makes the first adult of community 0 certain to die this month, rich, with a relative. */
function doomedWithRelative(inheritance: string) {
  const society = new Society(small('mutualism', { inheritance }), 5);
  const { people, members } = society;
  const cols = people.cols;
  const rows = Array.from(members.rows.subarray(members.start[0]!, members.start[1]!)).filter((row) => cols.age[row]! > 20 && cols.age[row]! < 40);
  const [doomed, relative] = [rows[0]!, rows[1]!];
  cols.age[doomed] = 300;
  cols.food[doomed] = 100;
  cols.manufactures[doomed] = 40;
  cols.credit[doomed] = 25;
  // A family of two: no child of either can come first in line.
  cols.family[doomed] = cols.family[relative] = 1_000_000_000;
  return { society, doomedId: people.idOf(doomed), relativeId: people.idOf(relative) };
}

describe("a dead person's wealth", () => {
  it('goes to the community fund when inheritance goes to the fund', () => {
    const { society, doomedId, relativeId } = doomedWithRelative('fund');
    const relativeFood = society.people.get(relativeId, 'food');
    // The fund is a view of the accounts' columns: its numbers are copied, not the view.
    const { food, manufactures, credit } = society.communities[0]!.fund;
    const fund = { food, manufactures, credit };
    demography.run(society);
    expect(society.people.has(doomedId)).toBe(false);
    // Everyone who died in community 0 left their holdings to the fund; the doomed one left 100.
    expect(society.communities[0]!.fund.food - fund.food).toBeGreaterThanOrEqual(100 - 1e-9);
    expect(society.communities[0]!.fund.manufactures - fund.manufactures).toBeGreaterThanOrEqual(40 - 1e-9);
    expect(society.people.get(relativeId, 'food')).toBe(relativeFood);
  });

  it('goes to the heir when inheritance goes to heirs', () => {
    const { society, doomedId, relativeId } = doomedWithRelative('heirs');
    const before = { food: society.people.get(relativeId, 'food'), manufactures: society.people.get(relativeId, 'manufactures'), credit: society.people.get(relativeId, 'credit') };
    const { food, manufactures, credit } = society.communities[0]!.fund;
    const fund = { food, manufactures, credit };
    demography.run(society);
    expect(society.people.has(doomedId)).toBe(false);
    expect(society.communities[0]!.fund.food - fund.food).toBeLessThan(100);
    expect(society.people.get(relativeId, 'food') - before.food).toBeCloseTo(100, 9);
    expect(society.people.get(relativeId, 'manufactures') - before.manufactures).toBeCloseTo(40, 9);
    expect(society.people.get(relativeId, 'credit') - before.credit).toBeCloseTo(25, 9);
  });
});
