import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { PERSON_SUMS } from '../../../../models/society/kernels/person-sums.js';
import { goodsRatio } from '../../../../models/society/services/view.js';
import { personSumsByCommunity, sumPersons } from '../../../../models/society/services/person-sums.js';
import { small } from '../helpers.js';

describe('the people.sums kernel', () => {
  it('gives each community the sums a pass over its members, by id, makes — to the bit', () => {
    const society = new Society(small('default', { population: 2000, communities: 15 }), 3);
    society.run({ steps: 14 });
    const { food, manufactures, civicNorm, community } = society.people.cols;
    const ratio = goodsRatio(society);
    const ids = Array.from({ length: society.people.length }, (_, row) => row).sort((a, b) => society.people.idOf(a) - society.people.idOf(b));
    const goods = new Float64Array(society.communities.length);
    const norms = new Float64Array(society.communities.length);
    const heads = new Float64Array(society.communities.length);
    for (const row of ids) {
      const c = community[row]!;
      goods[c]! += Math.max(0, food[row]!) + ratio * Math.max(0, manufactures[row]!);
      norms[c]! += civicNorm[row]!;
      heads[c]!++;
    }
    const sums = personSumsByCommunity(society);
    const unpacked = sumPersons(society);
    for (let c = 0; c < society.communities.length; c++) {
      const o = c * PERSON_SUMS.stride;
      expect(Object.is(sums[o + PERSON_SUMS.goods], goods[c])).toBe(true);
      expect(Object.is(sums[o + PERSON_SUMS.norms], norms[c])).toBe(true);
      expect(sums[o + PERSON_SUMS.heads]).toBe(heads[c]);
      expect(unpacked.goods[c]).toBe(goods[c]);
      expect(unpacked.norms[c]).toBe(heads[c]! > 0 ? norms[c]! / heads[c]! : 0);
    }
    expect(heads.reduce((a, b) => a + b, 0)).toBe(society.people.length);
  });
});
