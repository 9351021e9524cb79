import { doubleFields, type Rng, type Streams } from '../../../sim/index.js';
import type { CivicColumns } from '../communities/civic-columns.js';

/** A proposal for an assembly: move one policy by `delta`, from a member, a neighbour's example or an experiment. */
export interface Proposal {
  policy: 'sharing' | 'commonsRate' | 'admission';
  delta: number;
  source: 'member' | 'imitation' | 'experiment';
}

/**
 * A community's self-government: what accountability saw last month (read by the next
 * month's effort choice and by culture), its agenda, and its standing in a federation.
 */
export interface Governance {
  /** π: the chance a shirker is named this month, from the monitors in place. */
  detection: number;
  /** Share of named acts that were sanctioned (moving average): members expect it. */
  enforcement: number;
  /** Share of workers who shirked last month. */
  freeRiding: number;
  /** Share of last month's acts (shirking, skimming) that went unpunished. */
  unpunished: number;
  /** Cooperation success last month: non-shirkers × mean needs met. */
  cooperation: number;
  /** Mean utility of members last month (what neighbours and migrants see, with noise). */
  welfare: number;
  /** Members' food shortfall last month (the federation's aid follows it). */
  shortfall: number;
  /** Newcomers per member over recent months (moving average). */
  arrivals: number;
  /** Proposals waiting for the next assembly. */
  agenda: Proposal[];
  /** Ids of members expelled this month, waiting for free association to carry it out. */
  expelled: number[];
  /** The federation it belongs to, -1 none. */
  federation: number;
  /** Person id of its delegate to the federation, -1 none. */
  delegate: number;
  /** Food paid to and received from the federation over the last year (moving sums). */
  paid: number;
  received: number;
  /** What losing federation votes cost its majority, per person in months of food need (halves yearly). */
  outvoted: number;
  /** Step it was founded (0 for the first communities), -1 once abandoned. */
  founded: number;
}

/** The governance record's shares and amounts kept as fields, which start at whole numbers and turn fractional (see `doubleFields`). */
const GOVERNANCE_AMOUNTS = ['paid', 'received', 'outvoted'] as const;

/**
 * A community's governance record: its numbers that kernels read or write in the civic columns
 * (slot: the community's id; communities/civic-columns.ts), the rest as fields.
 */
class GovernanceRecord implements Governance {
  agenda: Proposal[] = [];
  expelled: number[] = [];
  federation = -1;
  delegate = -1;
  paid = 0;
  received = 0;
  outvoted = 0;

  constructor(
    private readonly columns: CivicColumns,
    private readonly slot: number,
    public founded: number,
  ) {}

  get detection(): number {
    return this.columns.detection[this.slot]!;
  }
  set detection(value: number) {
    this.columns.detection[this.slot] = value;
  }
  get enforcement(): number {
    return this.columns.enforcement[this.slot]!;
  }
  set enforcement(value: number) {
    this.columns.enforcement[this.slot] = value;
  }
  get freeRiding(): number {
    return this.columns.freeRiding[this.slot]!;
  }
  set freeRiding(value: number) {
    this.columns.freeRiding[this.slot] = value;
  }
  get unpunished(): number {
    return this.columns.unpunished[this.slot]!;
  }
  set unpunished(value: number) {
    this.columns.unpunished[this.slot] = value;
  }
  get cooperation(): number {
    return this.columns.cooperation[this.slot]!;
  }
  set cooperation(value: number) {
    this.columns.cooperation[this.slot] = value;
  }
  get welfare(): number {
    return this.columns.welfare[this.slot]!;
  }
  set welfare(value: number) {
    this.columns.welfare[this.slot] = value;
  }
  get shortfall(): number {
    return this.columns.shortfall[this.slot]!;
  }
  set shortfall(value: number) {
    this.columns.shortfall[this.slot] = value;
  }
  get arrivals(): number {
    return this.columns.arrivals[this.slot]!;
  }
  set arrivals(value: number) {
    this.columns.arrivals[this.slot] = value;
  }
}

/**
 * A fresh governance record for community `id`; detection starts at the value the first
 * month's effort needs, enforcement at 1 (members expect a named act to be sanctioned).
 */
export function newGovernance(columns: CivicColumns, id: number, detection: number, founded: number): Governance {
  columns.ensure(id);
  const governance = new GovernanceRecord(columns, id, founded);
  governance.detection = detection;
  governance.enforcement = 1;
  governance.freeRiding = governance.unpunished = governance.welfare = governance.shortfall = governance.arrivals = 0;
  governance.cooperation = 1;
  return doubleFields(governance, GOVERNANCE_AMOUNTS);
}

/**
 * A federation: a voluntary network of communities with a mutual-aid pool — or, nested, a
 * network of federations (a confederation: `children`, no communities of its own).
 */
export interface Federation {
  id: number;
  /** Member community ids, ascending (empty for a confederation). */
  members: number[];
  /** Member federation ids, ascending (a confederation's members). */
  children: number[];
  /** The confederation it is nested in, -1 none. */
  parent: number;
  /** Food paid to and received from its confederation over the last year (moving sums). */
  paid: number;
  received: number;
  /** Dues: share of each member's fund food paid in each month (voted by delegates). */
  dues: number;
  /** The mutual-aid pool (food). */
  pool: number;
  /** Step formed; -1 once dissolved. */
  formed: number;
}

/** A federation's amounts, which start at 0 and turn fractional (see `doubleFields`). */
const FEDERATION_AMOUNTS = ['paid', 'received', 'dues', 'pool'] as const;

/** A new federation, standing from `formed`. */
export function newFederation(id: number, dues: number, formed: number): Federation {
  return doubleFields<Federation>({ id, members: [], children: [], parent: -1, paid: 0, received: 0, dues, pool: 0, formed }, FEDERATION_AMOUNTS);
}

/** What free association and self-management counted this step, for the metrics. */
export interface PolityCounters {
  acts: number;
  attributed: number;
  sanctions: number;
  bribes: number;
  skims: number;
  expulsions: number;
  leftMap: number;
  migrations: number;
  splits: number;
  secessions: number;
  policyChanges: number;
  voters: number;
  eligible: number;
  recalls: number;
  /** Disputes over water between communities, and those a federation arbitrated. */
  disputes: number;
  arbitrated: number;
}

/** Fresh counters. */
export function zeroPolityCounters(): PolityCounters {
  return { acts: 0, attributed: 0, sanctions: 0, bribes: 0, skims: 0, expulsions: 0, leftMap: 0, migrations: 0, splits: 0, secessions: 0, policyChanges: 0, voters: 0, eligible: 0, recalls: 0, disputes: 0, arbitrated: 0 };
}

/** The society-wide state of self-government: federations and this step's counters. */
export class Polity {
  readonly federations: Federation[] = [];
  counters: PolityCounters = zeroPolityCounters();
  /** Turnout of the most recent assemblies (carried between assembly months). */
  participation = 0;
  /**
   * The communities (their ids, ascending) whose `governance.expelled` accountability filled
   * this month: migration carries the expulsions out in these alone, not in every community
   * (a month at a million persons has a handful).
   */
  readonly expelling: number[] = [];
  private readonly streams = new Map<string, Rng>();

  /** The stream of a phase that crosses communities (one for the run, drawn in a fixed order). */
  stream(streams: Streams, phase: string): Rng {
    let rng = this.streams.get(phase);
    if (!rng) this.streams.set(phase, (rng = streams.derive('polity', phase)));
    return rng;
  }

  /** Federations still standing. */
  aliveFederations(): number {
    let alive = 0;
    for (const federation of this.federations) if (federation.formed >= 0) alive++;
    return alive;
  }
}
