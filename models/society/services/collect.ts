import type { Society } from '../society.js';
import { earmark } from './funding.js';
import { moveValueFromColumns } from './goods.js';
import { slidingSharesInto } from './sliding-scale.js';
import type { Syndicate } from './syndicate.js';
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

/** Gathers the syndicate's funders (served by it, not opted out, alive) into the buffers, in region order; returns their count. */
function gatherFunders(society: Society, syndicate: Syndicate, wealth: Float64Array, population: Float64Array): number {
  const state = society.services;
  const provider = state.provider[syndicate.function];
  const optedOut = state.optedOut[syndicate.function];
  const members = syndicate.regionMembers;
  reserve(members.length);
  const { ids, populations, wealth: heads } = scratch;
  let n = 0;
  for (let k = 0; k < members.length; k++) {
    const c = members[k]!;
    if (provider[c] !== syndicate.id || optedOut.has(c)) continue;
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
 * `wealthAndFunds` (community c's fund in slot 2c of its columns).
 */
export function collectMonthFees(society: Society, syndicate: Syndicate, wealth: Float64Array, funds: FundColumns, unitary: boolean, ratio: number, population: Float64Array): void {
  const p = society.params;
  const n = gatherFunders(society, syndicate, wealth, population);
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
