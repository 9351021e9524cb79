import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { accountability } from '../../../../models/society/phases/accountability.js';
import { small } from '../helpers.js';
import { ReversedRunner } from './reversed-runner.js';

/**
 * A runner that gives each community the room the lists once had — one slot per member and one
 * for the steward — instead of room for the acts it flags: with ample room nothing can spill
 * into a neighbour's entries, so a month judged in the counted room must come out the same.
 */
class RoomPerMember extends ReversedRunner {
  constructor(private readonly owner: Society) {
    super(owner, /^$/);
  }

  override run(name: string, count: number): void {
    super.run(name, count);
    if (name !== 'accountability.flagged') return;
    const listStart = this.array('accountability.listStart', Int32Array, count + 1);
    for (let c = 0; c < count; c++) listStart[c + 1] = this.owner.members.count(c) + 1;
  }
}

const params = small('default', { population: 900, communities: 6, accountability: 'lateral', expulsionStrikes: 3, splits: false, migration: false });

/** A society a few months in; with `ample`, its lists have a slot per member. */
function twin(ample: boolean): Society {
  const society = new Society(params as never, 7);
  if (ample) society.sharding.use(new RoomPerMember(society));
  society.run({ steps: 3 });
  return society;
}

/**
 * Gathers three persons in four into community 0 — larger than any community the lists were
 * sized for — and the rest into community 1 (whose entries follow community 0's, so any act
 * beyond community 0's room would overwrite them), and sets up a month in which every working
 * member shirks, every act is named, every peer punishes, the steward skims, and every sanction is the one that expels.
 */
function everyoneJudged(society: Society): number {
  const { people, communities, params: p } = society;
  const cols = people.cols;
  for (let row = 0; row < people.length; row++) {
    cols.community[row] = row % 4 === 0 ? 1 : 0;
    // Enough of a norm to punish (θ·γ ≥ c), not enough to resist skimming the fund.
    cols.civicNorm[row] = 0.5;
    cols.strikes[row] = p.expulsionStrikes - 0.5;
    const worker = cols.age[row]! >= p.adultAge && cols.age[row]! < p.retirementAge && cols.auditor[row] === 0;
    cols.shirked[row] = worker ? 1 : 0;
  }
  society.members.rebuild(people, communities.length);
  for (const community of communities) community.population = society.members.count(community.id);
  for (const c of [0, 1]) {
    communities[c]!.governance.detection = 1;
    communities[c]!.governance.enforcement = 0;
  }
  let shirkers = 0;
  for (let row = 0; row < people.length; row++) shirkers += cols.shirked[row]!;
  return shirkers;
}

/** What a month of judging leaves: the strikes, food and credit of every person, the lists booked, the books. */
function judged(society: Society): string {
  const n = society.people.length;
  const { strikes, food, credit } = society.people.cols;
  const expelled = society.communities.map((c) => c.governance.expelled);
  return JSON.stringify([Array.from(strikes.subarray(0, n)), Array.from(food.subarray(0, n)), Array.from(credit.subarray(0, n)), expelled, [...society.ledger.total]]);
}

describe('accountability lists sized by the acts flagged', () => {
  it('count one act per shirker and one for the steward, per community with members', () => {
    const society = twin(false);
    accountability.run(society);
    const listStart = society.shards.array('accountability.listStart', Int32Array, society.communities.length + 1);
    const { rows, start } = society.members;
    const shirked = society.people.cols.shirked;
    for (let c = 0; c < society.communities.length; c++) {
      let acts = start[c + 1]! > start[c]! ? 1 : 0;
      for (let k = start[c]!; k < start[c + 1]!; k++) acts += shirked[rows[k]!] === 1 ? 1 : 0;
      expect(listStart[c + 1]! - listStart[c]!).toBe(acts);
    }
  });

  it('grow for a community larger than any before, every list full, and judge it as room for every member would', () => {
    const counted = twin(false);
    const ample = twin(true);
    expect(judged(counted)).toBe(judged(ample));
    const expelledBefore = (society: Society) => society.communities[0]!.governance.expelled.length + society.communities[1]!.governance.expelled.length;
    const before = expelledBefore(counted);
    const costsBefore = counted.shards.array('accountability.costs', Float64Array, 0).length;
    const shirkers = everyoneJudged(counted);
    everyoneJudged(ample);
    accountability.run(counted);
    accountability.run(ample);
    // Every shirker was punished by a peer who paid for it and reached expulsion: both lists full.
    expect(expelledBefore(counted) - before).toBeGreaterThanOrEqual(shirkers);
    expect(counted.shards.array('accountability.costs', Float64Array, 0).length).toBeGreaterThan(costsBefore);
    expect(counted.ledger.get('food', 'sanctioning')).toBeGreaterThan(0);
    expect(judged(counted)).toBe(judged(ample));
  });
});
