import { describe, expect, it } from 'vitest';
import { Model } from '../../sim/model.js';
import { boltzmannModel } from '../../models/classic/boltzmann.js';
import { readCommunities, readGrid, readLand, readMemberWealth, readResource, readSyndicates, readWealth, syndicateCells } from '../../viz/src/probe.js';

/** A model shaped like the society as the map sees it: land, communities with an account as fund, people. */
class Landscape extends Model {
  land = { width: 2, height: 2, elevation: new Float32Array([0, 1, 2, 3]), resource: new Float32Array([5, 5, 5, 5]), basin: new Int32Array([0, 0, 1, 1]) };
  communities = [
    { id: 3, x: 1, y: 0, cells: new Int32Array([1, 3]), population: 120, policy: { sharing: 0.25 }, fund: { food: 10, manufactures: 2, credit: -1 }, food: { price: 2 }, manufactures: { price: 5 } },
    { id: 9, x: 0, y: 1, cells: new Int32Array([2]), population: 40, policy: { sharing: 1 }, fund: 7, annexed: true, federation: 4 },
  ];
  people = { length: 3, cols: { community: new Int32Array([1, 0, 1, 0]) } };
  wealth = new Float64Array([1, 2, 3, 99]);
  services = {
    syndicates: [
      { id: 5, function: 'water', clients: [3], regionMembers: [3, 9] },
      { id: 6, function: 'health', clients: [9, 3] },
    ],
  };
  constructor() {
    super(1);
  }
}

describe('reading what a model exposes', () => {
  it('reads land layers, copying them so the model’s arrays are never sent away', () => {
    const model = new Landscape();
    const land = readLand(model)!;
    expect([land.width, land.height, Array.from(land.basin!)]).toEqual([2, 2, [0, 0, 1, 1]]);
    expect(land.elevation).not.toBe(model.land.elevation);
    expect(Array.from(readResource(model)!)).toEqual([5, 5, 5, 5]);
  });

  it('values a fund kept as a view of columns (accessors and toJSON) by its amounts, not its own fields', () => {
    class FundView {
      constructor(private readonly columns: Float64Array, private readonly slot: number) {}
      get food(): number {
        return this.columns[this.slot]!;
      }
      toJSON() {
        return { food: this.food };
      }
    }
    const model = new Landscape();
    (model.communities[0] as { fund: unknown }).fund = new FundView(Float64Array.of(0, 0, 0, 4), 3);
    expect(Array.from(readCommunities(model)!.fund)).toEqual([4 * 2, 7]);
  });

  it('reads communities as columns, valuing an account fund at the community’s prices', () => {
    const columns = readCommunities(new Landscape())!;
    expect(Array.from(columns.id)).toEqual([3, 9]);
    expect(Array.from(columns.sharing)).toEqual([0.25, 1]);
    expect(Array.from(columns.fund)).toEqual([10 * 2 + 2 * 5 - 1, 7]);
    expect(Array.from(columns.annexed)).toEqual([0, 1]);
    expect(Array.from(columns.federation)).toEqual([-1, 4]);
  });

  it('reads wealth from a model-level array, one entry per person (not the scratch beyond)', () => {
    expect(Array.from(readWealth(new Landscape())!)).toEqual([1, 2, 3]);
  });

  it('reads one community’s members’ wealth through the people’s community index', () => {
    const model = new Landscape();
    expect(Array.from(readMemberWealth(model, 9)!)).toEqual([1, 3]);
    expect(Array.from(readMemberWealth(model, 3)!)).toEqual([2]);
    expect(readMemberWealth(model, 42)).toBeUndefined();
  });

  it('paints each served community’s land with its syndicate’s id, for one function at a time', () => {
    const model = new Landscape();
    expect(readSyndicates(model)!.map((s) => s.serviceFunction)).toEqual(['water', 'health']);
    expect(Array.from(syndicateCells(model, 'water')!)).toEqual([-1, 5, -1, 5]);
    expect(Array.from(syndicateCells(model, 'health')!)).toEqual([-1, 6, 6, 6]);
    expect(Array.from(syndicateCells(model, 'transport')!)).toEqual([-1, -1, -1, -1]);
  });

  it('takes federation membership from a model-level federations list', () => {
    const model = new Landscape();
    (model as unknown as { federations: unknown }).federations = [{ id: 2, members: [{ id: 3 }] }, { id: 8, members: [9, 3] }];
    expect(Array.from(readCommunities(model)!.federation)).toEqual([2, 4]);
  });

  it('reads wealth from a table column (the Boltzmann model)', () => {
    const sim = boltzmannModel.create({ agents: 7, initialWealth: 2 }, 1);
    expect(Array.from(readWealth(sim)!)).toEqual([2, 2, 2, 2, 2, 2, 2]);
  });

  it('finds nothing in a model without land, communities, wealth or grid', () => {
    const bare = new Model(1);
    expect([readLand(bare), readCommunities(bare), readWealth(bare), readGrid(bare), readResource(bare)]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('reading the society model itself', () => {
  it('finds federations in the polity and annexations in the defence state', async () => {
    const { societyModel } = await import('../../models/society/index.js');
    const { small } = await import('../models/society/helpers.js');
    const society = societyModel.create(small('default'), 3) as unknown as {
      communities: { id: number; governance: { federation: number } }[];
      polity: { federations: { id: number; members: number[]; formed: number }[] };
      defence: { annexedBy: Int32Array; ensure?: (n: number) => void };
    };
    const [a, b, c] = society.communities;
    society.polity.federations.push({ id: 7, members: [a!.id, b!.id], formed: 0 } as never);
    society.polity.federations.push({ id: 8, members: [c!.id], formed: -1 } as never);
    a!.governance.federation = 7;
    const annexedBy = new Int32Array(society.communities.length).fill(-1);
    annexedBy[c!.id] = 0;
    society.defence.annexedBy = annexedBy;
    const columns = readCommunities(society as never)!;
    const row = (id: number) => Array.from(columns.id).indexOf(id);
    expect(columns.federation[row(a!.id)]).toBe(7);
    expect(columns.federation[row(b!.id)]).toBe(7);
    expect(columns.federation[row(c!.id)]).toBe(-1); // its federation has dissolved
    expect(Array.from(columns.annexed).filter((x) => x === 1)).toHaveLength(1);
    expect(columns.annexed[row(c!.id)]).toBe(1);
  });
});
