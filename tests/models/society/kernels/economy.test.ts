import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeRun } from '../../../../cli/execute.js';
import { loadScenario } from '../../../../scenarios/load.js';
import { scratch } from '../../../cli/helpers.js';
import { Society } from '../../../../models/society/index.js';
import { communityStream } from '../../../../models/society/communities/community.js';
import { CARERS, FOUND_CARER } from '../../../../models/society/kernels/distribute.js';
import { carerOf } from '../../../../models/society/people/care.js';
import { distribute } from '../../../../models/society/phases/distribute.js';
import { randomExchange } from '../../../../models/society/phases/random-exchange.js';
import { small } from '../helpers.js';
import { ReversedRunner } from './reversed-runner.js';

const ECONOMY = /^(distribute|exchange|trade|random-exchange|consume)\./;

/** Every person column and every community account, bit for bit. */
function fingerprint(society: Society): string {
  const parts: string[] = [];
  const n = society.people.length;
  for (const [name, column] of Object.entries(society.people.cols)) parts.push(name, Buffer.from(column.buffer, 0, n * column.BYTES_PER_ELEMENT).toString('base64'));
  for (const c of society.communities) parts.push(JSON.stringify([c.fund, c.collective, c.taxes, c.food, c.manufactures]));
  parts.push(JSON.stringify(society.counters), JSON.stringify([...society.ledger.total]));
  return parts.join('|');
}

describe('the economy kernels', () => {
  for (const scenario of ['default', 'state']) {
    it(`give the same month whatever order the communities are taken in (${scenario})`, () => {
      const params = small(scenario, { population: 900, communities: 9 });
      const inOrder = new Society(params as never, 5);
      const reversed = new Society(params as never, 5);
      reversed.sharding.use(new ReversedRunner(reversed, ECONOMY));
      for (let step = 0; step < 10; step++) {
        inOrder.step();
        reversed.step();
        expect(fingerprint(reversed)).toBe(fingerprint(inOrder));
      }
      expect(inOrder.counters.tradeVolume).toBeGreaterThan(0);
    });
  }

  /**
   * Two alike societies after six months (distribution has recorded each dependant's carer and
   * the row they held), then every third person gone, the last rows taking their places: ids and
   * rows part, and some carers' rows now hold someone else, or no one.
   */
  function twoSocietiesWithRowsMoved(): [Society, Society] {
    const params = small('default', { population: 900, communities: 9 });
    const pair: [Society, Society] = [new Society(params as never, 7), new Society(params as never, 7)];
    for (const society of pair) {
      society.run({ steps: 6 });
      for (let row = 0; row < society.people.length; row += 3) society.people.removeRow(row);
      society.members.rebuild(society.people, society.communities.length);
    }
    return pair;
  }

  it("find a dependant's carer in the family by the same rule as carerOf, and record the carer's id", () => {
    const [tuned, reference] = twoSocietiesWithRowsMoved();
    // Forget every recorded carer: each dependant is searched for afresh.
    for (const society of [tuned, reference]) society.people.cols.carer.fill(-1);
    distribute.run(tuned);
    const { people, members, params: p } = reference;
    const carers = tuned.shards.array(CARERS, Int32Array, members.start[reference.communities.length]!);
    let found = 0;
    let movedRows = 0;
    for (let k = 0; k < members.start[reference.communities.length]!; k++) {
      const row = members.rows[k]!;
      const age = people.cols.age[row]!;
      const worker = age >= p.adultAge && age < p.retirementAge;
      const expected = worker ? -1 : carerOf(reference, row);
      expect(carers[k]).toBe(expected);
      if (expected >= 0) found++;
      if (expected >= 0 && people.idOf(expected) !== expected) movedRows++;
    }
    expect(found).toBeGreaterThan(10);
    // A row left in place of an id would show.
    expect(movedRows).toBeGreaterThan(10);
    const n = people.length;
    expect(Array.from(tuned.people.cols.carer.subarray(0, n))).toEqual(Array.from(reference.people.cols.carer.subarray(0, n)));
    expect(tuned.people.cols.carer.subarray(0, n).some((code) => code <= FOUND_CARER)).toBe(false);
  });

  it("find a recorded carer through the row they held last month only while it still holds them, else by their id, as carerOf does", () => {
    // The recorded carers are kept this time.
    const [tuned, reference] = twoSocietiesWithRowsMoved();
    const { people, members, params: p } = reference;
    const { carer, carerRow } = tuned.people.cols;
    const { idOfRow } = tuned.people.idColumns();
    let stillThere = 0;
    let moved = 0;
    for (let row = 0; row < tuned.people.length; row++) {
      if (carer[row]! < 0 || tuned.people.rowOf(carer[row]!) < 0) continue;
      if (idOfRow[carerRow[row]!] === carer[row]) stillThere++;
      else moved++;
    }
    // Both ways of finding a carer are taken.
    expect(stillThere).toBeGreaterThan(10);
    expect(moved).toBeGreaterThan(10);
    distribute.run(tuned);
    const carers = tuned.shards.array(CARERS, Int32Array, members.start[reference.communities.length]!);
    for (let k = 0; k < members.start[reference.communities.length]!; k++) {
      const row = members.rows[k]!;
      const age = people.cols.age[row]!;
      const worker = age >= p.adultAge && age < p.retirementAge;
      expect(carers[k]).toBe(worker ? -1 : carerOf(reference, row));
    }
    const n = people.length;
    expect(Array.from(tuned.people.cols.carer.subarray(0, n))).toEqual(Array.from(reference.people.cols.carer.subarray(0, n)));
  });

  it('draw the random-exchange pairs from each community\'s own stream as the check always did, in any community order', () => {
    const params = small('mutualism', { population: 600, communities: 5, randomExchangeTrades: 2 });
    const tuned = new Society(params as never, 3);
    const reference = new Society(params as never, 3);
    const reversed = new Society(params as never, 3);
    reversed.sharding.use(new ReversedRunner(reversed, ECONOMY));
    for (let month = 0; month < 3; month++) {
      randomExchange.run(tuned);
      randomExchange.run(reversed);
      referenceRandomExchange(reference);
    }
    const n = reference.people.length;
    const food = Array.from(reference.people.cols.food.subarray(0, n));
    expect(Array.from(tuned.people.cols.food.subarray(0, n))).toEqual(food);
    expect(Array.from(reversed.people.cols.food.subarray(0, n))).toEqual(food);
    expect(food).not.toEqual(Array.from(new Society(params as never, 3).people.cols.food.subarray(0, n)));
  });
});

describe('the random-exchange check on threads', () => {
  it('writes the same files on 1 and 2 threads', async () => {
    const file = new URL('../../../../scenarios/mutualism.json', import.meta.url).pathname;
    const scenario = loadScenario(file, { seed: 4, steps: 12, set: ['params.population=1500', 'params.communities=12', 'params.randomExchangeTrades=2'] });
    const metrics: string[] = [];
    for (const threads of [1, 2]) {
      const out = join(scratch(), `random-exchange-${threads}`);
      await executeRun(scenario, { out, threads });
      metrics.push(readFileSync(join(out, 'metrics.csv'), 'utf8'));
    }
    expect(metrics[0]!.split('\n').length).toBeGreaterThan(12);
    expect(metrics[1]).toBe(metrics[0]);
  }, 30_000);
});

/** The random-exchange check as first written, straight from the community's cached stream. */
function referenceRandomExchange(society: Society): void {
  const { members, people } = society;
  const food = people.cols.food;
  for (const community of society.communities) {
    const start = members.start[community.id]!;
    const n = members.count(community.id);
    if (n < 2) continue;
    const rng = communityStream(society.streams, community, 'random-exchange');
    for (let t = 0; t < Math.round(society.params.randomExchangeTrades * n); t++) {
      const a = members.rows[start + rng.int(n)]!;
      let b = members.rows[start + rng.int(n - 1)]!;
      if (b === a) b = members.rows[start + n - 1]!;
      const total = food[a]! + food[b]!;
      const share = rng.next() * total;
      food[a] = share;
      food[b] = total - share;
    }
  }
}
