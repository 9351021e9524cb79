import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { PERSON_SUMS } from '../../../../models/society/kernels/person-sums.js';
import { SOCIETY_PHASES } from '../../../../models/society/phases/index.js';
import { goodsRatio } from '../../../../models/society/services/view.js';
import { civicNormsByCommunity, personSumsByCommunity, sumPersons } from '../../../../models/society/services/person-sums.js';
import { small } from '../helpers.js';

/** Each community's goods, civic norms and heads, summed over its members in id order (the members' order). */
function sumsById(society: Society): { goods: Float64Array; norms: Float64Array; heads: Float64Array } {
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
  return { goods, norms, heads };
}

describe('the people.sums kernel', () => {
  it('gives each community the sums a pass over its members, by id, makes — to the bit', () => {
    const society = new Society(small('default', { population: 2000, communities: 15 }), 3);
    society.run({ steps: 14 });
    const { goods, norms, heads } = sumsById(society);
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

describe('the people.norms kernel', () => {
  it('gives ecology the civic norms and heads the people.sums kernel gives, to the bit, and no goods', () => {
    const society = new Society(small('default', { population: 2000, communities: 15 }), 4);
    society.run({ steps: 9 });
    const { norms, heads } = sumsById(society);
    civicNormsByCommunity(society);
    const sums = society.shards.array('people.sumsOut', Float64Array, society.communities.length * PERSON_SUMS.stride);
    for (let c = 0; c < society.communities.length; c++) {
      const o = c * PERSON_SUMS.stride;
      expect(Object.is(sums[o + PERSON_SUMS.norms], norms[c])).toBe(true);
      expect(sums[o + PERSON_SUMS.heads]).toBe(heads[c]);
      expect(sums[o + PERSON_SUMS.goods]).toBeNaN();
    }
    expect(norms.some((value) => value > 0)).toBe(true);
  });
});

describe('the sums the meals leave', () => {
  it('are the sums the syndicates would have made, to the bit, and are used only in the step consumption ran', () => {
    const society = new Society(small('default', { population: 2000, communities: 15 }), 5);
    society.run({ steps: 13 });
    // The next step by hand, up to the syndicates: the meals have just added up the sums.
    for (const phase of SOCIETY_PHASES) {
      if (phase.name === 'syndicates') break;
      phase.run(society);
    }
    expect(society.personSumsAfterConsumption).toBe(society.steps);
    const expected = sumsById(society);
    const left = sumPersons(society, true);
    for (let c = 0; c < society.communities.length; c++) {
      expect(Object.is(left.goods[c], expected.goods[c])).toBe(true);
      expect(left.norms[c]).toBe(expected.heads[c]! > 0 ? expected.norms[c]! / expected.heads[c]! : 0);
    }
    expect(left.goods.some((value) => value > 0)).toBe(true);
    // Goods moved after the meals are not in their sums: a caller that asks outside that step gets a fresh pass.
    society.people.cols.food[0]! += 1000;
    society.personSumsAfterConsumption = society.steps - 1;
    const community = society.people.cols.community[0]!;
    expect(sumPersons(society, true).goods[community]).toBe(sumsById(society).goods[community]);
    expect(sumPersons(society, true).goods[community]).toBeGreaterThan(left.goods[community]! + 999);
  });
});
