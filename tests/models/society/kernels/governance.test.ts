import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { Society } from '../../../../models/society/index.js';
import { demography } from '../../../../models/society/phases/demography.js';
import { clamp01 } from '../../../../models/society/people/populate.js';
import { small } from '../helpers.js';
import { ReversedRunner } from './reversed-runner.js';

const GOVERNANCE = /^(demography|culture|accountability|assembly)\./;


/** Every person column, every community's policy, fund and record, the books and the events, bit for bit. */
function fingerprint(society: Society): string {
  const parts: string[] = [];
  const n = society.people.length;
  for (const [name, column] of Object.entries(society.people.cols)) parts.push(name, Buffer.from(column.buffer, 0, n * column.BYTES_PER_ELEMENT).toString('base64'));
  for (const c of society.communities) {
    const g = c.governance;
    parts.push(JSON.stringify([c.population, c.policy, c.fund, g.welfare, g.shortfall, g.cooperation, g.freeRiding, g.unpunished, g.enforcement, g.detection, g.expelled, g.agenda]));
  }
  parts.push(JSON.stringify(society.counters), JSON.stringify(society.polity.counters), JSON.stringify([...society.ledger.total]));
  parts.push(society.events.ndjson());
  return parts.join('|');
}

describe('the kernels of demography, culture, accountability and the assemblies', () => {
  for (const [scenario, extra] of [['default', {}], ['state', {}], ['default', { expulsionStrikes: 2, sanctionRatio: 3, detectionBase: 0.9 }]] as const) {
    it(`give the same months whatever order the communities are taken in (${scenario} ${JSON.stringify(extra)})`, () => {
      const params = small(scenario, { population: 900, communities: 9, assemblyEvery: 2, ...extra });
      const inOrder = new Society(params as never, 5);
      const reversed = new Society(params as never, 5);
      const runner = new ReversedRunner(reversed, GOVERNANCE);
      reversed.sharding.use(runner);
      const seen = { sanctions: 0, deaths: 0, births: 0 };
      for (let step = 0; step < 16; step++) {
        inOrder.step();
        reversed.step();
        expect(fingerprint(reversed)).toBe(fingerprint(inOrder));
        seen.sanctions += inOrder.polity.counters.sanctions;
        seen.deaths += inOrder.counters.deaths;
        seen.births += inOrder.counters.births;
      }
      expect([...runner.ran].sort()).toEqual(['accountability.flagged', 'accountability.judge', 'assembly.polls', 'culture.cultivate', 'demography.events']);
      // Something happened in every phase the kernels carry: deaths, births, sanctions, votes.
      expect(seen.sanctions * seen.deaths * seen.births).toBeGreaterThan(0);
      expect(inOrder.events.count('policy_change')).toBeGreaterThan(0);
    });
  }
});

/** A community stream whose Poisson draw is fixed (and draws nothing): more births than members. */
class ManyBirths extends Rng {
  constructor(seed: string, private readonly births: number) {
    super(seed);
  }

  override poisson(): number {
    return this.births;
  }
}

describe('demography', () => {
  it('draws the births beyond a community’s room in scratch from the same stream, in order, after those the kernel drew', () => {
    const society = new Society(small('default', { mortalityBase: 0 }) as never, 3);
    const { people, members, params: p } = society;
    const cols = people.cols;
    const rows = Array.from(members.rows.subarray(members.start[0]!, members.start[1]!));
    const n = rows.length;
    const births = n + 3;
    society.communities[0]!.streams.set('demography', new ManyBirths('births', births));
    const parents = rows.map((row) => ({ id: people.idOf(row), age: Math.fround(cols.age[row]! + 1 / 12), norm: cols.civicNorm[row]!, ideal: cols.idealSharing[row]! }));
    const fertile = parents.filter((person) => person.age >= p.adultAge && person.age < 50);
    const before = people.length;
    demography.run(society);
    // The same stream replayed: one draw per member's hazard, then per birth a parent and four deviations.
    const replay = new Rng('births');
    for (let k = 0; k < n; k++) replay.next();
    expect(fertile.length).toBeGreaterThan(0);
    for (let b = 0; b < births; b++) {
      const parent = fertile[replay.int(fertile.length)]!;
      replay.normal(0, 1);
      replay.normal(0, 1);
      const norm = replay.normal(0, 0.05);
      const ideal = replay.normal(0, 0.05);
      const child = before + b;
      expect(cols.community[child]).toBe(0);
      expect(cols.carer[child]).toBe(parent.id);
      expect(cols.civicNorm[child]).toBe(Math.fround(clamp01(parent.norm + norm)));
      expect(cols.idealSharing[child]).toBe(Math.fround(clamp01(parent.ideal + ideal)));
    }
    expect(society.counters.deaths).toBe(0);
    expect(society.counters.births).toBeGreaterThanOrEqual(births);
    expect(society.members.count(0)).toBe(n + births);
  });
});
