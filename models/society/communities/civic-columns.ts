import type { KernelArray } from '../../../sim/index.js';
import type { Policy } from './community.js';
import { GrowingColumns } from './growing-columns.js';

/**
 * Every community's voted policy (its numbers; the decision rule is a word and stays in the
 * view) and the numbers of its governance record that the month's kernels read or write (the
 * monitors' detection chance, how often naming led to a sanction, last month's free riding,
 * impunity, cooperation, welfare and shortfall, the newcomers' rate), in columns, one slot a
 * community. Its `policy` is a view of them, and its governance record keeps those numbers here
 * (governance/state.ts), so phases use them as before while kernels reach them as arrays
 * (`civic.*`) on any thread of a threaded run.
 */
export class CivicColumns extends GrowingColumns {
  sharing: Float64Array;
  commonsRate: Float64Array;
  exitShare: Float64Array;
  fundPayout: Float64Array;
  admission: Float64Array;
  detection: Float64Array;
  enforcement: Float64Array;
  freeRiding: Float64Array;
  unpunished: Float64Array;
  cooperation: Float64Array;
  welfare: Float64Array;
  shortfall: Float64Array;
  arrivals: Float64Array;

  constructor(communities: number, shared: boolean) {
    super(communities, shared);
    const room = this.room;
    this.sharing = this.column(room);
    this.commonsRate = this.column(room);
    this.exitShare = this.column(room);
    this.fundPayout = this.column(room);
    this.admission = this.column(room);
    this.detection = this.column(room);
    this.enforcement = this.column(room);
    this.freeRiding = this.column(room);
    this.unpunished = this.column(room);
    this.cooperation = this.column(room);
    this.welfare = this.column(room);
    this.shortfall = this.column(room);
    this.arrivals = this.column(room);
  }

  /** The columns for the kernels (tracked as `civic.*`). */
  arrays(): Readonly<Record<string, KernelArray>> {
    return {
      sharing: this.sharing, commonsRate: this.commonsRate, exitShare: this.exitShare, fundPayout: this.fundPayout,
      admission: this.admission, detection: this.detection, enforcement: this.enforcement, freeRiding: this.freeRiding,
      unpunished: this.unpunished, cooperation: this.cooperation, welfare: this.welfare, shortfall: this.shortfall, arrivals: this.arrivals,
    };
  }

  protected grow(room: number): void {
    this.sharing = this.moved(this.sharing, room);
    this.commonsRate = this.moved(this.commonsRate, room);
    this.exitShare = this.moved(this.exitShare, room);
    this.fundPayout = this.moved(this.fundPayout, room);
    this.admission = this.moved(this.admission, room);
    this.detection = this.moved(this.detection, room);
    this.enforcement = this.moved(this.enforcement, room);
    this.freeRiding = this.moved(this.freeRiding, room);
    this.unpunished = this.moved(this.unpunished, room);
    this.cooperation = this.moved(this.cooperation, room);
    this.welfare = this.moved(this.welfare, room);
    this.shortfall = this.moved(this.shortfall, room);
    this.arrivals = this.moved(this.arrivals, room);
  }
}

/** A community's policy: its slot of the columns, and its decision rule. */
export class PolicyView implements Policy {
  constructor(
    private readonly columns: CivicColumns,
    private readonly slot: number,
    public decisionRule: string,
  ) {}

  get sharing(): number {
    return this.columns.sharing[this.slot]!;
  }
  set sharing(value: number) {
    this.columns.sharing[this.slot] = value;
  }
  get commonsRate(): number {
    return this.columns.commonsRate[this.slot]!;
  }
  set commonsRate(value: number) {
    this.columns.commonsRate[this.slot] = value;
  }
  get exitShare(): number {
    return this.columns.exitShare[this.slot]!;
  }
  set exitShare(value: number) {
    this.columns.exitShare[this.slot] = value;
  }
  get fundPayout(): number {
    return this.columns.fundPayout[this.slot]!;
  }
  set fundPayout(value: number) {
    this.columns.fundPayout[this.slot] = value;
  }
  get admission(): number {
    return this.columns.admission[this.slot]!;
  }
  set admission(value: number) {
    this.columns.admission[this.slot] = value;
  }

  /** The policy as a plain object (accessors are not own properties: `JSON.stringify`, spreads). */
  toJSON(): Policy {
    const { sharing, commonsRate, exitShare, fundPayout, decisionRule, admission } = this;
    return { sharing, commonsRate, exitShare, fundPayout, decisionRule, admission };
  }
}

/** Every field of `from` copied into `into`, which it returns (a view's fields are accessors: `Object.assign` would copy nothing from one). */
export function copyPolicy<P extends Policy>(into: P, from: Policy): P {
  into.sharing = from.sharing;
  into.commonsRate = from.commonsRate;
  into.exitShare = from.exitShare;
  into.fundPayout = from.fundPayout;
  into.decisionRule = from.decisionRule;
  into.admission = from.admission;
  return into;
}

/** Community `id`'s policy, set to `policy`. */
export function openPolicy(columns: CivicColumns, id: number, policy: Policy): PolicyView {
  columns.ensure(id);
  return copyPolicy(new PolicyView(columns, id, policy.decisionRule), policy);
}
