import { describe, expect, it } from 'vitest';
import { Agent, AgentSet, Streams } from '../../sim/index.js';

class Village extends Agent {
  constructor(
    id: number,
    public size: number,
    public region: string,
  ) {
    super(id);
  }
}

function villages(): AgentSet<Village> {
  return new AgentSet([
    new Village(0, 50, 'north'),
    new Village(1, 10, 'south'),
    new Village(2, 30, 'north'),
    new Village(3, 20, 'east'),
    new Village(4, 40, 'south'),
  ]);
}

const ids = (set: AgentSet<Village>) => set.map((v) => v.id);

describe('AgentSet', () => {
  it('selects by filter, by count and by both, keeping order', () => {
    const set = villages();
    expect(ids(set.select((v) => v.size > 25))).toEqual([0, 2, 4]);
    expect(ids(set.select({ n: 2 }))).toEqual([0, 1]);
    expect(ids(set.select({ filter: (v) => v.region === 'south', n: 1 }))).toEqual([1]);
    expect(ids(set.select())).toEqual([0, 1, 2, 3, 4]);
    expect(set.length).toBe(5);
  });

  it('shuffles into a new set by the stream, the same stream giving the same order', () => {
    const set = villages();
    const one = ids(set.shuffle(new Streams(1).derive('order')));
    const two = ids(set.shuffle(new Streams(1).derive('order')));
    expect(one).toEqual(two);
    expect([...one].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(ids(set)).toEqual([0, 1, 2, 3, 4]);
    const orders = new Set<string>();
    const rng = new Streams(2).derive('many');
    for (let i = 0; i < 200; i++) orders.add(ids(set.shuffle(rng)).join());
    expect(orders.size).toBeGreaterThan(60);
  });

  it('does something to every agent and maps them to values', () => {
    const set = villages();
    set.do((v) => (v.size += 1));
    expect(set.map((v) => v.size)).toEqual([51, 11, 31, 21, 41]);
    const visited: number[] = [];
    set.shuffleDo(new Streams(3).derive('do'), (v) => visited.push(v.id));
    expect([...visited].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('groups by key in order of first appearance', () => {
    const groups = villages().groupBy((v) => v.region);
    expect([...groups.keys()]).toEqual(['north', 'south', 'east']);
    expect(ids(groups.get('south')!)).toEqual([1, 4]);
  });

  it('aggregates by sum, mean, min, max and by a function', () => {
    const set = villages();
    const size = (v: Village) => v.size;
    expect(set.agg(size)).toBe(150);
    expect(set.agg(size, 'mean')).toBe(30);
    expect(set.agg(size, 'min')).toBe(10);
    expect(set.agg(size, 'max')).toBe(50);
    expect(set.agg(size, (values) => values.length)).toBe(5);
    expect(new AgentSet<Village>().agg(size, 'mean')).toBeNaN();
  });

  it('sorts stably, ascending or descending', () => {
    const set = villages();
    expect(ids(set.sort((v) => v.size))).toEqual([1, 3, 2, 4, 0]);
    expect(ids(set.sort((v) => v.size, true))).toEqual([0, 4, 2, 3, 1]);
    expect(ids(set.sort((v) => (v.region === 'north' ? 0 : 1)))).toEqual([0, 2, 1, 3, 4]);
  });

  it('skips agents removed during do and does not visit agents added during it', () => {
    const set = villages();
    const visited: number[] = [];
    set.do((v) => {
      visited.push(v.id);
      if (v.id === 1) {
        set.remove(set.at(0)!); // already visited
        set.remove(set.select((w) => w.id === 3).at(0)!); // not yet visited
        set.add(new Village(9, 1, 'west'));
      }
    });
    expect(visited).toEqual([0, 1, 2, 4]);
    expect(ids(set)).toEqual([1, 2, 4, 9]);
    expect(set.has(set.at(3)!)).toBe(true);
  });

  it('ignores adding an agent twice and removing one that is absent', () => {
    const set = villages();
    const first = set.at(0)!;
    set.add(first);
    expect(set.length).toBe(5);
    set.remove(first).remove(first);
    expect(set.length).toBe(4);
    expect(set.has(first)).toBe(false);
    expect(set.toArray()).toHaveLength(4);
  });
});
