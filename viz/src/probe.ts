import type { Simulation } from '../../sim/model.js';
import type { LandLayers } from './protocol.js';

// The visualizer works over any Simulation; these readers look for the optional parts a
// model may expose (the society's land, communities, people) and return nothing otherwise.

type Loose = Record<string, unknown>;

const isArrayLike = (value: unknown): value is ArrayLike<number> =>
  ArrayBuffer.isView(value) && !(value instanceof DataView);

/** The model's land layers, when it has a landscape. */
export function readLand(sim: Simulation): LandLayers | undefined {
  const land = (sim as unknown as Loose).land as Loose | undefined;
  if (!land || typeof land.width !== 'number' || typeof land.height !== 'number') return undefined;
  if (!isArrayLike(land.elevation)) return undefined;
  const f32 = (value: unknown) => (isArrayLike(value) ? Float32Array.from(value) : undefined);
  return {
    width: land.width,
    height: land.height,
    elevation: Float32Array.from(land.elevation),
    water: f32(land.water),
    fertility: f32(land.fertility),
    resource: f32(land.resource),
    basin: isArrayLike(land.basin) ? Int32Array.from(land.basin) : undefined,
  };
}

/** The land's resource stock now (it changes as it is harvested and regrows). */
export function readResource(sim: Simulation): Float32Array | undefined {
  const land = (sim as unknown as Loose).land as Loose | undefined;
  return land && isArrayLike(land.resource) ? Float32Array.from(land.resource) : undefined;
}

/** Community fields as columns (one entry per community), or undefined for models without communities. */
export function readCommunities(sim: Simulation): Record<string, Float32Array> | undefined {
  const list = (sim as unknown as Loose).communities;
  if (!Array.isArray(list)) return undefined;
  const n = list.length;
  const columns = {
    id: new Float32Array(n),
    x: new Float32Array(n),
    y: new Float32Array(n),
    population: new Float32Array(n),
    sharing: new Float32Array(n),
    fund: new Float32Array(n),
    annexed: new Float32Array(n),
    federation: new Float32Array(n).fill(-1),
  };
  list.forEach((raw: Loose, i) => {
    const policy = (raw.policy ?? {}) as Loose;
    columns.id[i] = Number(raw.id);
    columns.x[i] = Number(raw.x);
    columns.y[i] = Number(raw.y);
    columns.population[i] = Number(raw.population ?? 0);
    columns.sharing[i] = Number(policy.sharing ?? 0);
    columns.fund[i] = fundValue(raw);
    // Optional fields from later parts of the model: drawn only when the model sets them.
    columns.annexed[i] = raw.annexed === true || (typeof raw.annexedBy === 'number' && raw.annexedBy >= 0) ? 1 : 0;
    const governance = raw.governance as Loose | undefined;
    if (typeof governance?.federation === 'number') columns.federation[i] = governance.federation;
    else if (typeof raw.federation === 'number') columns.federation[i] = raw.federation;
    else if (raw.federation && typeof (raw.federation as Loose).id === 'number') columns.federation[i] = (raw.federation as Loose).id as number;
  });
  markAnnexed(sim, list as Loose[], columns.annexed);
  markFederations(sim, list as Loose[], columns.federation);
  return columns;
}

/**
 * A community's fund as one number: a plain number as it is; an account of goods and credit
 * valued at the community's own prices where it posts them (labour-hours), else summed.
 */
function fundValue(community: Loose): number {
  const fund = community.fund;
  if (typeof fund === 'number') return fund;
  if (!fund || typeof fund !== 'object') return 0;
  // A view of the model's columns keeps its amounts behind accessors: its plain form is `toJSON()`.
  const view = fund as { toJSON?: () => unknown };
  const account = (typeof view.toJSON === 'function' ? view.toJSON() : fund) as Record<string, unknown>;
  let total = 0;
  for (const [good, amount] of Object.entries(account)) {
    if (typeof amount !== 'number') continue;
    const price = ((community[good] as Loose | undefined)?.price as number | undefined) ?? 1;
    total += amount * (Number.isFinite(price) ? price : 1);
  }
  return total;
}

/** Annexation from a model-level `defence.annexedBy` column (outside State per community id, -1 free). */
function markAnnexed(sim: Simulation, communities: Loose[], annexed: Float32Array): void {
  const annexedBy = ((sim as unknown as Loose).defence as Loose | undefined)?.annexedBy;
  if (!isArrayLike(annexedBy)) return;
  communities.forEach((community, row) => {
    const id = Number(community.id);
    if (id >= 0 && id < annexedBy.length && annexedBy[id]! >= 0) annexed[row] = 1;
  });
}

/**
 * Federation ids from a model-level `federations` list (or the society's `polity.federations`),
 * each { id, members: ids or communities, formed (-1 once dissolved) }; first one wins.
 */
function markFederations(sim: Simulation, communities: Loose[], federation: Float32Array): void {
  const model = sim as unknown as Loose;
  const federations = model.federations ?? (model.polity as Loose | undefined)?.federations;
  if (!Array.isArray(federations)) return;
  const rowOf = new Map(communities.map((community, row) => [community.id, row]));
  for (const raw of federations as Loose[]) {
    if (typeof raw.id !== 'number' || !Array.isArray(raw.members) || (typeof raw.formed === 'number' && raw.formed < 0)) continue;
    for (const member of raw.members as unknown[]) {
      const row = rowOf.get(typeof member === 'number' ? member : (member as Loose)?.id);
      if (row !== undefined && federation[row] === -1) federation[row] = raw.id;
    }
  }
}

/**
 * Wealth per agent: a `people` or `agents` table with a `wealth` column, a model-level
 * `wealth` array beside its `people` table (one entry per row), or the latest agent snapshot.
 */
export function readWealth(sim: Simulation): Float64Array | undefined {
  const model = sim as unknown as Loose;
  const people = model.people as Loose | undefined;
  if (isArrayLike(model.wealth) && typeof people?.length === 'number' && model.wealth.length >= people.length && people.length > 0) {
    return Float64Array.from({ length: people.length }, (_, i) => (model.wealth as ArrayLike<number>)[i]!);
  }
  for (const key of ['people', 'agents', 'persons']) {
    const table = model[key] as Loose | undefined;
    const cols = table?.cols as Loose | undefined;
    if (cols && isArrayLike(cols.wealth) && typeof table!.length === 'number') {
      return Float64Array.from({ length: table!.length as number }, (_, i) => (cols.wealth as ArrayLike<number>)[i]!);
    }
  }
  const snapshots = sim.collector.snapshots;
  const latest = snapshots[snapshots.length - 1]?.columns.wealth;
  return latest ? Float64Array.from(latest) : undefined;
}

/**
 * A grid of cell states (-1 empty, otherwise a group number), when the model exposes one:
 * Schelling's `groupAt` over its `grid`, or a plain `cells` array with `width` and `height`.
 */
export function readGrid(sim: Simulation): { width: number; height: number; cells: Int32Array } | undefined {
  const model = sim as unknown as Loose;
  const cells = model.groupAt ?? model.cells;
  const grid = (model.grid ?? model) as Loose;
  const width = grid.width;
  const height = grid.height;
  if (typeof width !== 'number' || typeof height !== 'number' || !isArrayLike(cells)) return undefined;
  if (cells.length !== width * height) return undefined;
  return { width, height, cells: Int32Array.from(cells) };
}

/** Wealth of one community's members: people whose `community` column holds that community's index. */
export function readMemberWealth(sim: Simulation, communityId: number): Float64Array | undefined {
  const model = sim as unknown as Loose;
  const list = model.communities;
  const membership = ((model.people as Loose | undefined)?.cols as Loose | undefined)?.community;
  const wealth = readWealth(sim);
  if (!Array.isArray(list) || !isArrayLike(membership) || !wealth) return undefined;
  const index = list.findIndex((community: Loose) => community.id === communityId);
  if (index < 0) return undefined;
  const members: number[] = [];
  for (let row = 0; row < wealth.length; row++) if (membership[row] === index) members.push(wealth[row]!);
  return Float64Array.from(members);
}

/** A syndicate as the map needs it: its function and the communities of its region. */
export interface SyndicateRegion {
  id: number;
  serviceFunction: string;
  communities: number[];
}

/** The model's syndicates (`syndicates`, or `services.syndicates`), when it has any. */
export function readSyndicates(sim: Simulation): SyndicateRegion[] | undefined {
  const model = sim as unknown as Loose;
  const list = model.syndicates ?? (model.services as Loose | undefined)?.syndicates;
  if (!Array.isArray(list)) return undefined;
  return list
    .filter((s: Loose) => typeof s.id === 'number' && typeof s.function === 'string')
    .map((s: Loose) => ({ id: s.id as number, serviceFunction: s.function as string, communities: ((s.clients ?? s.regionMembers ?? []) as number[]).slice() }));
}

/**
 * Syndicate id per land cell for one function (-1 where none serves): each served community's
 * cells (its usufruct land) take the id of the syndicate that serves it.
 */
export function syndicateCells(sim: Simulation, serviceFunction: string): Int32Array | undefined {
  const model = sim as unknown as Loose;
  const land = model.land as Loose | undefined;
  const syndicates = readSyndicates(sim);
  if (!land || typeof land.width !== 'number' || typeof land.height !== 'number' || !syndicates || !Array.isArray(model.communities)) return undefined;
  const byId = new Map((model.communities as Loose[]).map((community) => [community.id as number, community]));
  const cells = new Int32Array(land.width * land.height).fill(-1);
  for (const syndicate of syndicates) {
    if (syndicate.serviceFunction !== serviceFunction) continue;
    for (const id of syndicate.communities) {
      const owned = byId.get(id)?.cells;
      if (isArrayLike(owned)) for (let i = 0; i < owned.length; i++) cells[owned[i]!] = syndicate.id;
    }
  }
  return cells;
}
