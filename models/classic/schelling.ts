import { Grid, Model, Table, resolveParams, type ModelDefinition, type ParamTable, type ParamValues } from '../../sim/index.js';

/** The Schelling segregation model's parameters. */
export const schellingParams = {
  width: {
    kind: 'number', default: 50, min: 3, max: 2000, integer: true, unit: 'cells',
    meaning: 'Width of the grid (a torus)', source: 'Big enough for clusters to form, small enough to watch',
  },
  height: {
    kind: 'number', default: 50, min: 3, max: 2000, integer: true, unit: 'cells',
    meaning: 'Height of the grid (a torus)', source: 'As width',
  },
  density: {
    kind: 'number', default: 0.8, min: 0.01, max: 0.99, unit: 'share of cells',
    meaning: 'Share of cells with a household on them; the rest are empty and let households move',
    source: 'Mesa example: 0.8',
  },
  minorityShare: {
    kind: 'number', default: 0.3, min: 0, max: 1, unit: 'share of households',
    meaning: 'Share of households in the second group', source: 'Mesa example: 0.3',
  },
  threshold: {
    kind: 'number', default: 0.375, min: 0, max: 1, unit: 'share of neighbours',
    meaning: 'A household is content when at least this share of its neighbours is of its own group',
    source: 'Schelling (1971), J. Math. Sociol. 1:143: 3 like neighbours of 8',
  },
  radius: {
    kind: 'number', default: 1, min: 1, max: 5, integer: true, unit: 'cells',
    meaning: 'Radius of the Moore neighbourhood a household looks at', source: 'Schelling (1971): the 8 adjacent cells',
  },
} satisfies ParamTable;

/** Resolved Schelling parameters. */
export type SchellingParams = ParamValues<typeof schellingParams>;

/** Schelling's model: households of two groups on a torus grid move when too few neighbours are like them. */
export class SchellingModel extends Model {
  readonly params: SchellingParams;
  readonly grid: Grid;
  /** Households: their group (0 or 1). Their cells are kept by the grid. */
  readonly households: Table<{ group: Uint8ArrayConstructor }>;
  /** Per cell: the group of its household, or -1 when empty (what neighbours look at). */
  readonly groupAt: Int8Array;
  /** Moves made in the last step. */
  moves = 0;
  /** Mean share of like neighbours, over households with any neighbour (after the last step). */
  segregation = 0;
  /** Share of households not content (after the last step). */
  unhappyShare = 0;

  constructor(params: Partial<SchellingParams>, seed: number) {
    super(seed);
    this.params = resolveParams(schellingParams, params);
    const { width, height, density, minorityShare } = this.params;
    this.grid = new Grid({ width, height, torus: true, occupancy: 'single' });
    this.groupAt = new Int8Array(this.grid.size).fill(-1);
    const count = Math.round(density * this.grid.size);
    this.households = new Table({ group: Uint8Array }, count);
    const setup = this.streams.derive('setup');
    for (const cell of setup.sampleIndices(this.grid.size, count)) {
      const group = setup.bernoulli(minorityShare) ? 1 : 0;
      const id = this.households.add({ group });
      this.grid.place(id, cell);
      this.groupAt[cell] = group;
    }
    this.setPhases({ relocate, assess });
    assess(this);
    this.collect({
      model: { segregation: (m) => m.segregation, unhappy_share: (m) => m.unhappyShare, moves: (m) => m.moves },
    });
  }

  /** The share of a cell's occupied neighbours whose group is `group` (NaN when it has none). */
  likeShare(cell: number, group: number): number {
    const neighbours = this.grid.neighbours(cell, 'moore', this.params.radius);
    let occupied = 0;
    let like = 0;
    for (let k = 0; k < neighbours.length; k++) {
      const other = this.groupAt[neighbours[k]!]!;
      if (other < 0) continue;
      occupied++;
      if (other === group) like++;
    }
    return occupied === 0 ? Number.NaN : like / occupied;
  }

  /** Whether a household of `group` on `cell` is content (one with no neighbours is). */
  isContent(cell: number, group: number): boolean {
    const share = this.likeShare(cell, group);
    return Number.isNaN(share) || share >= this.params.threshold;
  }
}

/** In random order, each discontent household moves to a random empty cell. Mutates the grid and groupAt. */
function relocate(model: SchellingModel): void {
  const { grid, groupAt, households, rng } = model;
  const groups = households.cols.group;
  const order = rng.shuffle(Int32Array.from({ length: households.length }, (_, row) => row));
  let moves = 0;
  for (let k = 0; k < order.length; k++) {
    const id = households.idOf(order[k]!);
    const cell = grid.cellOf(id);
    const group = groups[order[k]!]!;
    if (model.isContent(cell, group)) continue;
    const target = grid.randomEmptyCell(rng);
    if (target < 0) break;
    grid.move(id, target);
    groupAt[cell] = -1;
    groupAt[target] = group;
    moves++;
  }
  model.moves = moves;
}

/** Measures segregation and discontent; stops the run when everyone is content. Reads the grid. */
function assess(model: SchellingModel): void {
  const { grid, households } = model;
  const groups = households.cols.group;
  let shareSum = 0;
  let withNeighbours = 0;
  let discontent = 0;
  for (let row = 0; row < households.length; row++) {
    const cell = grid.cellOf(households.idOf(row));
    const share = model.likeShare(cell, groups[row]!);
    if (Number.isNaN(share)) continue;
    shareSum += share;
    withNeighbours++;
    if (share < model.params.threshold) discontent++;
  }
  model.segregation = withNeighbours === 0 ? 0 : shareSum / withNeighbours;
  model.unhappyShare = households.length === 0 ? 0 : discontent / households.length;
  if (discontent === 0) model.running = false;
}

/** Schelling's segregation model as a runnable definition (`"model": "schelling"` in scenarios). */
export const schellingModel: ModelDefinition = {
  name: 'schelling',
  description: "Schelling's segregation model: mild preferences for like neighbours produce strongly segregated neighbourhoods",
  params: schellingParams,
  create: (params, seed) => new SchellingModel(params as Partial<SchellingParams>, seed),
};
