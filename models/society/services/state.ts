import type { Network } from '../../../sim/index.js';
import type { ServedPlace } from './place.js';
import { SERVICE_FUNCTIONS, type ServiceFunction, type Syndicate } from './syndicate.js';
import { transportNetwork } from './transport.js';

/** Per function, per community index: a number (quality, or the serving syndicate's id). */
export type PerFunction<T> = Record<ServiceFunction, T>;

function perFunction<T>(make: () => T): PerFunction<T> {
  return Object.fromEntries(SERVICE_FUNCTIONS.map((fn) => [fn, make()])) as PerFunction<T>;
}

/** What the syndicates' phase counts each step for the metrics. */
export interface ServiceCounters {
  /** Food-equivalents paid in fees this step. */
  fees: number;
  /** Food-equivalents spent on delivery this step. */
  delivered: number;
  /** Under one central budget: what went to defence and to services this step. */
  centralDefence: number;
  centralServices: number;
  founded: number;
  dissolved: number;
}

/**
 * The syndicates and what they mean for each community: which syndicate serves it per
 * function, the quality it gets, which services it opted out of, and the transport
 * network. Regions are redrawn at the start and yearly, not every step.
 */
export class ServiceState {
  /** Every syndicate, in id order (add and remove through the methods below). */
  syndicates: Syndicate[] = [];
  nextId = 0;
  /** Per function and community: the serving syndicate's id, or -1. */
  provider: PerFunction<Int32Array> = perFunction(() => new Int32Array(0));
  /** Per function and community: the quality of the service it gets (0 when unserved). */
  quality: PerFunction<Float64Array> = perFunction(() => new Float64Array(0));
  /** Per function: communities that opted out this year. */
  optedOut: PerFunction<Set<number>> = perFunction(() => new Set<number>());
  /**
   * The transport network over the communities transport syndicates serve, as last redrawn.
   * Nothing in a step reads it, so it is built when first asked for, not at every redraw.
   */
  get transport(): Network | null {
    if (this.transportPlan) {
      const { places, size, width } = this.transportPlan;
      this.transportPlan = null;
      this.transportBuilt = places.length > 0 ? transportNetwork(places, size, width) : null;
    }
    return this.transportBuilt;
  }

  /** Records the places (and tiling) the transport network is to link, as of this redraw. */
  planTransport(places: readonly ServedPlace[], size: number, width: number): void {
    this.transportPlan = { places, size, width };
    this.transportBuilt = null;
  }

  private transportPlan: { places: readonly ServedPlace[]; size: number; width: number } | null = null;
  private transportBuilt: Network | null = null;
  /** Under one central budget: the share of the armed police the purse paid for this month. */
  policeFunded = 0;
  /** Community count when regions were last drawn (−1: never drawn yet). */
  drawnFor = -1;
  /** This step's counts, for the metrics. */
  counters: ServiceCounters = zeroServiceCounters();

  /** Grows the per-community arrays to n communities (new ones unserved). */
  ensure(n: number): void {
    for (const fn of SERVICE_FUNCTIONS) {
      if (this.provider[fn].length >= n) continue;
      const provider = new Int32Array(n).fill(-1);
      provider.set(this.provider[fn]);
      this.provider[fn] = provider;
      const quality = new Float64Array(n);
      quality.set(this.quality[fn]);
      this.quality[fn] = quality;
    }
  }

  /** Syndicates by id (ids are small counters, so an array beats a map; gone ones are undefined). */
  private readonly index: (Syndicate | undefined)[] = [];

  /** The syndicate with an id, if it still exists. */
  byId(id: number): Syndicate | undefined {
    return this.index[id];
  }

  /** Adds a syndicate (ids only grow, so the list stays in id order). */
  add(syndicate: Syndicate): void {
    this.syndicates.push(syndicate);
    while (this.index.length < syndicate.id) this.index.push(undefined);
    this.index[syndicate.id] = syndicate;
  }

  /** Removes a syndicate (found by id in the ordered list; whoever walks the list while dissolving walks a copy). */
  remove(syndicate: Syndicate): void {
    const list = this.syndicates;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const id = list[mid]!.id;
      if (id === syndicate.id) {
        if (list[mid] === syndicate) list.splice(mid, 1);
        break;
      }
      if (id < syndicate.id) low = mid + 1;
      else high = mid - 1;
    }
    if (this.index[syndicate.id] === syndicate) this.index[syndicate.id] = undefined;
  }
}

/** Fresh counters for a step. */
export function zeroServiceCounters(): ServiceCounters {
  return { fees: 0, delivered: 0, centralDefence: 0, centralServices: 0, founded: 0, dissolved: 0 };
}
