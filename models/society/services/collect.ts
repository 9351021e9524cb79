import type { Society } from '../society.js';
import { earmark } from './funding.js';
import { moveValueFromColumns } from './goods.js';
import { slidingSharesInto } from './sliding-scale.js';
import type { ServiceFunction, Syndicate } from './syndicate.js';
import type { FundColumns } from './view.js';

/** Buffers reused by every syndicate's collection: a month allocates nothing per funder. */
const scratch = { ids: new Int32Array(64), populations: new Float64Array(64), wealth: new Float64Array(64), shares: new Float64Array(64) };

function reserve(n: number): void {
  if (scratch.ids.length >= n) return;
  const size = Math.ceil(n * 1.5);
  scratch.ids = new Int32Array(size);
  scratch.populations = new Float64Array(size);
  scratch.wealth = new Float64Array(size);
  scratch.shares = new Float64Array(size);
}

/**
 * Which communities opted out of each function, a byte per community, read from the sets
 * (`ServiceState.optedOut`) as they stand when first asked for: made once for a month's
 * collection, so a syndicate does not look each member of its region up in a set (late in a
 * large run the regions of thousands of syndicates, a hash lookup for each served member).
 */
export class OptOutMasks {
  private readonly masks = new Map<ServiceFunction, Uint8Array>();

  constructor(private readonly society: Society) {}

  of(fn: ServiceFunction): Uint8Array {
    let mask = this.masks.get(fn);
    if (!mask) {
      const provider = this.society.services.provider[fn];
      mask = new Uint8Array(provider.length);
      for (const c of this.society.services.optedOut[fn]) if (c >= 0 && c < mask.length) mask[c] = 1;
      this.masks.set(fn, mask);
    }
    return mask;
  }
}

/** Gathers the syndicate's funders (served by it, not opted out, alive) into the buffers, in region order; returns their count. */
function gatherFunders(society: Society, syndicate: Syndicate, wealth: Float64Array, population: Float64Array, optedOut: Uint8Array): number {
  const provider = society.services.provider[syndicate.function];
  const members = syndicate.regionMembers;
  reserve(members.length);
  const { ids, populations, wealth: heads } = scratch;
  let n = 0;
  for (let k = 0; k < members.length; k++) {
    const c = members[k]!;
    if (provider[c] !== syndicate.id || optedOut[c] === 1) continue;
    const persons = population[c]!;
    if (persons <= 0) continue;
    ids[n] = c;
    populations[n] = persons;
    heads[n] = wealth[c]!;
    n++;
  }
  return n;
}

/**
 * One syndicate's fees for the month: the funders' fees on the sliding scale, each capped by
 * its earmark of the fund as it stood at the start of the month, moved from the funds' columns
 * into the syndicate's budget (or the central purse); sets what it asked and received and whom
 * it serves. `population`: each community's, by id (see `communityColumns`); `funds`: see
 * `wealthAndFunds` (community c's fund in slot 2c of its columns); `optOuts`: one for the month's
 * syndicates.
 */
export function collectMonthFees(society: Society, syndicate: Syndicate, wealth: Float64Array, funds: FundColumns, unitary: boolean, ratio: number, population: Float64Array, optOuts = new OptOutMasks(society)): void {
  const p = society.params;
  const n = gatherFunders(society, syndicate, wealth, population, optOuts.of(syndicate.function));
  const { ids, populations, shares } = scratch;
  let persons = 0;
  for (let i = 0; i < n; i++) persons += populations[i]!;
  const asked = syndicate.fee * persons;
  syndicate.asked = asked;
  slidingSharesInto(populations, scratch.wealth, n, p.slidingScale, shares);
  const target = unitary ? society.budget : syndicate.budget;
  let received = 0;
  let served = 0;
  let ascending = true;
  for (let i = 0; i < n; i++) {
    // shares[] now holds what each funder pays: its assessed fee up to its earmark.
    const paid = Math.min(shares[i]! * asked, earmark(funds.value[ids[i]!]!, p.feeCap));
    shares[i] = paid;
    received += moveValueFromColumns(funds.food, funds.manufactures, 2 * ids[i]!, target, paid, ratio);
    if (paid > 0) served++;
    if (i > 0 && ids[i]! < ids[i - 1]!) ascending = false;
  }
  syndicate.received = unitary ? 0 : received;
  // Under one central budget the purse serves everyone of the region, whatever their fund paid.
  syndicate.clients = unitary ? Array.from(ids.subarray(0, n)) : servedFunders(n, served, ascending, syndicate.clients);
  society.services.counters.fees += received;
}

/**
 * The funders that paid something, ascending ids: last month's list itself when it holds the
 * same ones (most months, for most syndicates), so a month allocates no list for them.
 */
function servedFunders(n: number, served: number, ascending: boolean, previous: number[]): number[] {
  const { ids, shares } = scratch;
  if (ascending && previous.length === served && sameServed(n, previous)) return previous;
  const clients = new Array<number>(served);
  let k = 0;
  for (let i = 0; i < n; i++) if (shares[i]! > 0) clients[k++] = ids[i]!;
  return ascending ? clients : clients.sort((a, b) => a - b);
}

/** Whether the funders that paid something are, in order, `previous`. */
function sameServed(n: number, previous: readonly number[]): boolean {
  const { ids, shares } = scratch;
  let k = 0;
  for (let i = 0; i < n; i++) if (shares[i]! > 0 && previous[k++] !== ids[i]) return false;
  return true;
}
