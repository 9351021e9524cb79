import { allocateColumn, doubleFields, LocalRunner, Model, resolveParams, type CollectorSpec, type ColumnGather, type KernelArray, type Rng, type Sharding, type ShardRunner } from '../../sim/index.js';
import { gatherKernel } from './kernels/gather.js';
import { CellIndex, landInCells, shareLand } from './land/cell-index.js';
import { KERNEL_MODULE, KERNELS } from './kernels/index.js';
import { Ledger } from './books/ledger.js';
import { type Account, type Community, communityStreamSource, PhaseStreams } from './communities/community.js';
import { AccountColumns, openAccounts } from './communities/account-columns.js';
import { CivicColumns, openPolicy } from './communities/civic-columns.js';
import { MarketColumns, openMarkets } from './communities/market-columns.js';
import { claimCells, drawSites, drawSizes, nearestPartners } from './communities/place.js';
import { SiteColumns } from './communities/site-columns.js';
import { buildLand, mapSide, type Land } from './land/land.js';
import { metricsSpec } from './metrics.js';
import { amendKnowledgeFigures } from './metrics-services.js';
import { Members } from './people/members.js';
import { createPeopleTable, type People } from './people/people.js';
import { populateCommunity } from './people/populate.js';
import { societyParams, type SocietyParams } from './params.js';
import { SOCIETY_PHASES } from './phases/index.js';
import { monitoring } from './governance/detection.js';
import { newGovernance, Polity, zeroPolityCounters } from './governance/state.js';
import { zeroCrisisCounters } from './crises/state.js';
import { DefenceState } from './defence/state.js';
import { EcologyState } from './ecology/state.js';
import { KnowledgeState } from './knowledge/state.js';
import { ServiceState } from './services/state.js';

/** Counters a step fills for the metrics (reset at the start of each step). */
export interface StepCounters {
  births: number;
  deaths: number;
  tradeVolume: number;
  rentPaid: number;
  interestPaid: number;
  profitsTaken: number;
  taxCollected: number;
  loanDefaults: number;
  freeRiders: number;
  workers: number;
  detection: number;
}

/**
 * How a society stores its persons: `shared` for tables that worker threads can use;
 * `gatherRowsEvery`, the months between two gatherings of each community's rows (see
 * `Society.gatherRowsIfDue`; default GATHER_ROWS_EVERY, 0 never). Neither changes any result.
 */
export interface SocietyOptions {
  shared?: boolean;
  gatherRowsEvery?: number;
}

/**
 * Months between two gatherings of rows by community. Births, deaths and moves scatter a
 * community's rows: 30 months after a gathering, about a third of members no longer sit next
 * to the member before them (100,000 persons, the default scenario). Gathering every 3, 6 or
 * 12 months made a step about equally faster there (1.13–1.14×); every month, slower (0.98×).
 */
export const GATHER_ROWS_EVERY = 6;

function zeroCounters(): StepCounters {
  return { births: 0, deaths: 0, tradeVolume: 0, rentPaid: 0, interestPaid: 0, profitsTaken: 0, taxCollected: 0, loanDefaults: 0, freeRiders: 0, workers: 0, detection: 0 };
}

/** A community's amounts (see `doubleFields`): its policy's shares, its accounts, its collective, its hours. */
const COMMUNITY_AMOUNTS = ['clearing'] as const;

/**
 * The society: land, persons (a table), communities (objects) and the books. A step runs
 * the phases of phases/index.ts in order, then collects the metrics.
 */
export class Society extends Model {
  readonly params: SocietyParams;
  readonly land: Land;
  /** Each community's cells, flat, for kernels (see land/cell-index.ts). */
  readonly cellIndex: CellIndex;
  readonly communities: Community[] = [];
  /** The communities' sites as columns, read once per community (see communities/site-columns.ts). */
  readonly sites = new SiteColumns();
  readonly people: People;
  /** Every community's markets and hours, in columns (its `food`, `manufactures` and `hours` are views of them). */
  readonly markets: MarketColumns;
  /** Every community's fund, taxes and collective, in columns (its `fund`, `taxes` and `collective` are views of them). */
  readonly accounts: AccountColumns;
  /** Every community's policy numbers, detection and enforcement, in columns (its `policy` is a view; its governance reads the two there). */
  readonly civic: CivicColumns;
  readonly members: Members;
  readonly ledger = new Ledger();
  /** The central budget (holds only what it collected this month). */
  readonly budget: Account = { food: 0, manufactures: 0, credit: 0 };
  /** Syndicates, their regions and budgets (phase 5). */
  readonly services = new ServiceState();
  /** Who knows which innovation, and research effort (phase 11). */
  readonly knowledge: KnowledgeState;
  /** Outside States, annexations, militia training, soldiers (phase 12). */
  readonly defence = new DefenceState();
  /** The land's original capacity (phase 13). */
  readonly ecology: EcologyState;
  crisisCounters = zeroCrisisCounters();
  counters: StepCounters = zeroCounters();
  /** Federations and the counters of self-government and free association (phases 6–10). */
  readonly polity = new Polity();
  /** Land units such that the average food worker had one unit at the start. */
  readonly landUnit: number;
  /**
   * Reusable per-person scratch: wealth for the metrics, indexed by member place (`members.rows`),
   * not by row; in between, scratch for the step (`scratchInts`). It is the kernels' array
   * `metrics.values` (shared with the threads in a threaded run), fetched again before each use.
   */
  wealth = new Float64Array(0);
  /**
   * The metrics' pass over persons begun ahead of the collection on the worker threads (see
   * `beginPersonsPass` in metrics.ts): for which step (0: none), and how many passes were begun
   * ahead and how many of them were called off since the society was built.
   */
  readonly personsPassAhead = { step: 0, begun: 0, calledOff: 0 };
  /**
   * The step whose consumption left its per-community sums of goods and civic norms in
   * `people.sumsOut` (the meals kernel adds them as it goes; -1: none yet). The syndicates,
   * the next phase, read them there instead of passing over every person again.
   */
  personSumsAfterConsumption = -1;
  /** Runs the per-community kernels: on this thread, unless a threaded runner was handed over (`sharding.use`). */
  shards: ShardRunner;
  /**
   * Community c's own stream for a phase, through one list per phase indexed by community (the
   * same generators `communityStream` keeps on each community, which the kernels on this thread
   * also reach this way): phases that draw on the calling thread for most communities in index
   * order (the assembly's agendas, ideas) would otherwise chase each community's objects. Only for
   * streams no kernel declares: on threads a declared stream's state is the runner's (`shards.rng`).
   */
  readonly communityRng: (community: number, phase: string) => Rng;
  /** Months between gatherings of rows (0: never). */
  private readonly gatherRowsEvery: number;

  /** `options.shared` puts the person table's columns and the member buckets on SharedArrayBuffers (for worker threads). */
  constructor(values: Partial<Record<string, unknown>>, seed: number, options: SocietyOptions = {}) {
    super(seed);
    this.params = resolveParams(societyParams, values);
    this.gatherRowsEvery = options.gatherRowsEvery ?? GATHER_ROWS_EVERY;
    const p = this.params;
    this.land = buildLand(mapSide(p.population, p.cellsPerPerson), this.streams.derive('land'), p.terrainOctaves, p.terrainScale);
    if (options.shared) shareLand(this.land);
    this.cellIndex = new CellIndex(options.shared ?? false);
    this.people = createPeopleTable(p.population, options);
    this.members = new Members(options);
    this.noArray = allocateColumn(Int32Array, 0, options.shared ?? false) as Int32Array;
    this.gatherArrays.to = this.gatherArrays.from = this.noArray;
    this.markets = new MarketColumns(p.communities, options.shared ?? false);
    this.accounts = new AccountColumns(p.communities, options.shared ?? false);
    this.civic = new CivicColumns(p.communities, options.shared ?? false);
    const placing = this.streams.derive('communities');
    const sizes = drawSizes(p.population, p.communities, p.communitySizeSpread, placing);
    const sites = drawSites(this.land, p.communities, placing);
    const cells = claimCells(this.land, sites, sizes, p.cellsPerCommunity);
    for (let c = 0; c < p.communities; c++) {
      populateCommunity(this.people, this.streams, c, sizes[c]!, p);
      this.communities.push(this.newCommunity(c, sites[c]!, cells[c]!, sizes[c]!));
    }
    const partners = nearestPartners(this.communities.map((c) => c.x), this.communities.map((c) => c.y), p.tradePartners);
    this.communities.forEach((community, c) => (community.partners = partners[c]!));
    this.members.rebuild(this.people, this.communities.length);
    this.communityRng = communityStreamSource(this.streams, this.communities);
    this.shards = new LocalRunner(KERNELS, this.params, this.communityRng);
    this.trackArrays(this.shards);
    this.landUnit = this.initialLandPerWorker();
    this.knowledge = new KnowledgeState(this.communities.length);
    this.ecology = new EcologyState(this.land.capacity, options.shared ?? false);
    this.setPhases(SOCIETY_PHASES);
    this.collect(metricsSpec(p.snapshotEvery));
  }

  /**
   * After the month's births and deaths, on every `gatherRowsEvery`-th month: moves persons'
   * rows into member order — each community's members side by side, by id — so passes over a
   * community read memory in sequence rather than all over the table (at a million persons,
   * a step took about half as long gathered as scattered). Births, deaths and moves scatter
   * them again. Changes no result: every pass whose arithmetic depends on order runs in member
   * order (`Members.inOrder`), never in row order, and the member buckets stay as they were.
   * Each column's move runs as a kernel over the communities (kernels/gather.ts), so on every
   * thread of a threaded run.
   */
  gatherRowsIfDue(): void {
    if (this.gatherRowsEvery <= 0 || (this.steps + 1) % this.gatherRowsEvery !== 0) return;
    const n = this.people.length;
    this.people.permute(this.members.inOrder(this.people).subarray(0, n), this.scratchInts(2 * n).buffer, this.gatherColumn);
    // Let go of the last column and the scratch: the kernels' record would hold them until the next gathering.
    this.gatherArrays.to = this.gatherArrays.from = this.noArray;
    this.members.gathered(this.people);
  }

  /** What the gathering kernels read: the column being moved and its copy (see kernels/gather.ts). */
  private readonly gatherArrays: Record<string, KernelArray> = {};
  private readonly noArray: KernelArray;

  /** `ColumnGather` by kernel: the order is the members index's rows, which the kernels read themselves. */
  private readonly gatherColumn: ColumnGather = (to, from, _order, _n, words) => {
    this.gatherArrays.to = to;
    this.gatherArrays.from = from;
    this.shards.run(gatherKernel(to, words), this.communities.length, this.members.start);
  };

  /** Calls off the metrics' pass begun ahead, if any: something it reads has changed since. */
  callOffPersonsPass(): void {
    const ahead = this.personsPassAhead;
    if (ahead.step === 0) return;
    ahead.step = 0;
    ahead.calledOff++;
  }

  /**
   * At least `count` Int32s of scratch, on the metrics' per-person buffer: between one step's
   * metrics and the next step's, it holds nothing the step needs, so the gathering of rows and
   * the members index's patching work in it rather than in memory of their own.
   */
  scratchInts(count: number): Int32Array {
    this.wealth = this.shards.array('metrics.values', Float64Array, Math.ceil(count / 2));
    return new Int32Array(this.wealth.buffer, this.wealth.byteOffset, this.wealth.length * 2);
  }

  /**
   * Declares what to collect (see `Model.collect`); rows collected while a month of diffusion
   * still spreads on a thread of its own get its figures once it is settled.
   */
  override collect(spec: CollectorSpec<this>, options?: { initial?: boolean }): void {
    // A collector replaced mid-run: the old one's late figures first, then rows count from 0 again.
    this.knowledge.settle();
    this.knowledge.forgetFigures();
    super.collect(spec, options);
    amendKnowledgeFigures(this);
  }

  /** How a threaded runner takes over the kernels (the society must have been built with shared arrays). */
  get sharding(): Sharding {
    return {
      kernelModule: KERNEL_MODULE,
      kernels: KERNELS,
      params: this.params,
      seed: this.seed,
      runner: this.shards,
      use: (runner) => {
        this.trackArrays(runner);
        this.shards = runner;
      },
    };
  }

  /**
   * The arrays every kernel may read: the persons' columns, their id maps and the members index,
   * fetched afresh each run (those with a version only when it moved: see `ShardRunner.track`).
   */
  private trackArrays(runner: ShardRunner): void {
    runner.track('people', () => this.people.cols, () => this.people.version);
    runner.track('ids', () => this.people.idColumns());
    runner.track('gather', () => this.gatherArrays);
    runner.track('land', () => ({ fertility: this.land.fertility, water: this.land.water, resource: this.land.resource, capacity: this.land.capacity, original: this.ecology.original, user: this.land.user, cellStart: this.cellIndex.start, cells: this.cellIndex.cells }));
    runner.track('members', () => ({ start: this.members.start, rows: this.members.rows }), () => this.members.version);
    runner.track('markets', () => this.markets.arrays(), () => this.markets.version);
    runner.track('accounts', () => this.accounts.arrays(), () => this.accounts.version);
    runner.track('civic', () => this.civic.arrays(), () => this.civic.version);
  }

  /** Runs a step with fresh counters and books. */
  override step(): void {
    this.counters = zeroCounters();
    this.polity.counters = zeroPolityCounters();
    this.ledger.reset();
    super.step();
  }

  /**
   * The food land of a community: Σ fertility × (0.5 + 0.5 water) × (0.5 + 0.5 resource /
   * capacity) — a depleted cell keeps half its yield (bare soil still grows something).
   */
  landOf(community: Community): number {
    return landInCells(this.land, community.cells, 0, community.cells.length);
  }

  /** A community with the default policy at a site (founding, or a faction's new home). */
  newCommunity(id: number, site: number, cells: Int32Array, size: number): Community {
    const p = this.params;
    // Amounts that start at 0 and turn fractional later keep one hidden class from the start (see `doubleFields`).
    const community: Community = {
      id, x: site % this.land.width, y: Math.floor(site / this.land.width), population: size,
      policy: openPolicy(this.civic, id, { sharing: p.sharing, commonsRate: p.commonsRate, exitShare: p.exitShare, fundPayout: p.fundPayout, decisionRule: p.decisionRule, admission: p.admission }),
      ...openAccounts(this.accounts, id),
      clearing: 0, cells, partners: [],
      ...openMarkets(this.markets, id, p.hoursPerMonth / p.foodProductivity, p.hoursPerMonth / p.manufacturesProductivity),
      streams: new PhaseStreams(),
      governance: newGovernance(this.civic, id, monitoring(p, size, size).detection, this.steps),
    };
    return doubleFields(community, COMMUNITY_AMOUNTS);
  }

  private initialLandPerWorker(): number {
    let land = 0;
    let workers = 0;
    const sector = this.people.cols.sector;
    for (let row = 0; row < this.people.length; row++) if (sector[row] === 0) workers++;
    for (const community of this.communities) land += this.landOf(community);
    return workers > 0 && land > 0 ? land / workers : 1;
  }
}
