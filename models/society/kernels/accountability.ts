import type { Kernel, KernelScope } from '../../../sim/index.js';
import { cachedView } from '../../../sim/index.js';
import { accountView } from './account-view.js';
import { civicView } from './civic-view.js';
import { marketView } from './market-view.js';
import { personView } from './person-view.js';
import { workerDetection } from '../economy/effort.js';
import { appointAuditors, payAuditors } from '../governance/auditors.js';
import { monitoring } from '../governance/detection.js';
import { judgeAct, type Court } from '../governance/sanctions.js';
import type { SocietyParams } from '../params.js';

/**
 * Accountability's month, one community at a time (phases/accountability.ts packs each
 * community's record and fund, then books the results in community order): strikes decay,
 * every shirker's act is judged, a steward may skim the fund, and next month's auditors are
 * appointed and paid — all on the community's `accountability` stream.
 */

/**
 * accountability.out, per community: the counts and the lists' lengths. The monitors' π, how often naming led to a
 * sanction, the price of food and the fund are the communities' columns, and the kernel books the fund, next month's
 * π, the enforcement members expect, the free riding and the impunity there.
 */
export const JUDGE_OUT = { stride: 8, acts: 0, attributed: 1, punished: 2, bribes: 3, skims: 4, costs: 5, expelled: 6, active: 7 } as const;

/**
 * The arrays both kernels read, looked up by name once per replacement of the scope's arrays
 * rather than once per community: at a million persons a month judges some 15,000 communities.
 */
const view = cachedView((scope: KernelScope) => {
  const a = scope.arrays;
  return Object.assign(personView(scope), {
    out: a['accountability.out'] as Float64Array,
    costs: a['accountability.costs'] as Float64Array,
    expelled: a['accountability.expelled'] as Int32Array,
    listStart: a['accountability.listStart'] as Int32Array,
  });
});

/**
 * `accountability.costs` (food a punisher spent) and `accountability.expelled` (rows that
 * reached expulsion): community c's entries start at `accountability.listStart`[c]. A month
 * judges at most one act per shirker and one by the steward, so `accountability.flagged`
 * counts those first and the phase gives each community that much room — room for the
 * flagged, not one slot per person.
 */
export const accountabilityFlagged: Kernel = {
  name: 'accountability.flagged',
  streams: [],
  run(scope, c) {
    const { start, rows, shirked, listStart } = view(scope);
    const from = start[c]!;
    const end = start[c + 1]!;
    // The steward's act, in any community with members; then one per shirker.
    let acts = end > from ? 1 : 0;
    for (let k = from; k < end; k++) acts += +(shirked[rows[k]!] === 1);
    listStart[c + 1] = acts;
  },
};

/** One community's court, reused (no allocation per community). */
const court = {} as Court;

function openCourt(scope: KernelScope, c: number): void {
  const v = view(scope);
  court.p = scope.params as unknown as SocietyParams;
  court.rng = scope.rng(c, 'accountability');
  court.rows = v.rows;
  court.age = v.age;
  court.civicNorm = v.civicNorm;
  court.strikes = v.strikes;
  court.auditor = v.auditor;
  court.food = v.food;
  court.manufactures = v.manufactures;
  court.credit = v.credit;
  court.shirked = v.shirked;
  court.proprietor = v.proprietor;
  court.start = v.start[c]!;
  court.n = v.start[c + 1]! - v.start[c]!;
  court.foodPrice = marketView(scope).price[2 * c]!;
  const accounts = accountView(scope);
  court.fundFood = accounts.food[2 * c]!;
  court.fundManufactures = accounts.manufactures[2 * c]!;
  court.fundCredit = accounts.credit[2 * c]!;
  court.acts = court.attributed = court.punished = court.bribes = court.skims = 0;
  court.costs = v.costs;
  court.expelled = v.expelled;
  court.costsEnd = court.expelledEnd = v.listStart[c]!;
}

/** Judges one community's month (see the file's note); an empty community is left alone. */
export const accountabilityJudge: Kernel = {
  name: 'accountability.judge',
  streams: ['accountability'],
  run(scope, c) {
    const { out, start, listStart } = view(scope);
    const o = c * JUDGE_OUT.stride;
    out[o + JUDGE_OUT.active] = start[c + 1]! > start[c]! ? 1 : 0;
    if (out[o + JUDGE_OUT.active] === 0) return;
    openCourt(scope, c);
    const civic = civicView(scope);
    const detection = civic.detection[c]!;
    const enforcement = civic.enforcement[c]!;
    setMonitors(detection);
    const [workers, shirkers] = judgeMembers();
    judgeSteward(enforcement);
    // Next month's monitors: set now so the effort choice sees who will be watching.
    const next = monitoring(court.p, court.n, workers);
    if (next.auditors > 0 || court.auditors > 0) {
      appointAuditors(court, next.auditors);
      payAuditors(court);
    }
    const accounts = accountView(scope);
    accounts.food[2 * c] = court.fundFood;
    accounts.manufactures[2 * c] = court.fundManufactures;
    accounts.credit[2 * c] = court.fundCredit;
    out[o + JUDGE_OUT.acts] = court.acts;
    out[o + JUDGE_OUT.attributed] = court.attributed;
    out[o + JUDGE_OUT.punished] = court.punished;
    out[o + JUDGE_OUT.bribes] = court.bribes;
    out[o + JUDGE_OUT.skims] = court.skims;
    // Members learn how often naming leads to a sanction from what they see, slowly.
    if (court.attributed > 0) civic.enforcement[c] = 0.8 * enforcement + 0.2 * (court.punished / court.attributed);
    civic.detection[c] = next.detection;
    civic.freeRiding[c] = workers > 0 ? shirkers / workers : 0;
    civic.unpunished[c] = court.acts > 0 ? 1 - court.punished / court.acts : 0;
    const from = listStart[c]!;
    out[o + JUDGE_OUT.costs] = court.costsEnd - from;
    out[o + JUDGE_OUT.expelled] = court.expelledEnd - from;
  },
};

/** This month's monitors: the π accountability set last month, and under hierarchy the auditors in post. */
function setMonitors(detection: number): void {
  const p = court.p;
  let auditors = 0;
  if (p.accountability === 'hierarchical') {
    const { auditor, rows, start, n } = court;
    for (let k = start; k < start + n; k++) auditors += auditor[rows[k]!]!;
  }
  court.auditors = auditors;
  court.auditorDetection = monitoring(p, court.n, Math.max(1, auditors * p.auditorSpan)).auditorDetection;
  court.detection = detection;
  // Under wage labour a proprietor also watches the wage workers (the owner-monitor).
  court.supervisedDetection = workerDetection(p, detection, false);
}

const counts: [number, number] = [0, 0];

/** Strikes decay; every shirker's act is judged. Returns [workers, shirkers]. */
function judgeMembers(): [number, number] {
  const { p, rows, start, n, strikes, age, auditor } = court;
  const shirked = court.shirked;
  const proprietor = court.proprietor;
  const { adultAge, retirementAge } = p;
  const keptStrike = 1 - p.strikeDecay;
  let workers = 0;
  let shirkers = 0;
  for (let k = start; k < start + n; k++) {
    const row = rows[k]!;
    const held = strikes[row]!;
    if (held > 0) strikes[row] = held < 0.01 ? 0 : held * keptStrike;
    // Counted with no branch: workers, children and elders alternate unpredictably along a bucket.
    const years = age[row]!;
    workers += +(years >= adultAge) & +(years < retirementAge) & +(auditor[row] === 0);
    if (shirked[row] !== 1) continue;
    shirkers++;
    judgeAct(court, row, proprietor[row] ? court.detection : court.supervisedDetection, 0);
  }
  counts[0] = workers;
  counts[1] = shirkers;
  return counts;
}

/**
 * A steward (a random working member; an auditor under hierarchy, who keeps the books)
 * skims a share of the fund when the temptation beats their norm and the sanction they
 * expect; the act is judged like any other, and a sanctioned skimmer gives the goods back.
 */
function judgeSteward(enforcement: number): void {
  const { p, rows, start, n, age, civicNorm, strikes, food, manufactures } = court;
  const drawn = rows[start + court.rng.int(n)]!;
  // Under hierarchy the books are kept by an auditor: the first in post from the draw on.
  const steward = court.auditors > 0 ? nextAuditor(drawn) : drawn;
  if (steward < 0 || age[steward]! < p.adultAge) return;
  const expected = court.detection * enforcement * p.sanction * (1 + strikes[steward]!);
  if (p.skimTemptation <= civicNorm[steward]! * p.normWeight + expected) return;
  const skimmedFood = court.fundFood * p.skimShare;
  const skimmedManufactures = court.fundManufactures * p.skimShare;
  court.fundFood -= skimmedFood;
  court.fundManufactures -= skimmedManufactures;
  food[steward]! += skimmedFood;
  manufactures[steward]! += skimmedManufactures;
  court.skims++;
  if (judgeAct(court, steward, court.detection, 1)) {
    const foodBack = Math.min(food[steward]!, skimmedFood);
    const manufacturesBack = Math.min(manufactures[steward]!, skimmedManufactures);
    food[steward]! -= foodBack;
    manufactures[steward]! -= manufacturesBack;
    court.fundFood += foodBack;
    court.fundManufactures += manufacturesBack;
  }
}

/** The first auditor in post from `from`'s place in the bucket on (wrapping round); -1 if none. */
function nextAuditor(from: number): number {
  const { rows, start, n, auditor } = court;
  // `from` was drawn from this bucket, so the walk finds it.
  let offset = 0;
  while (offset < n && rows[start + offset] !== from) offset++;
  for (let k = 0; k < n; k++) {
    const row = rows[start + ((offset + k) % n)]!;
    if (auditor[row] === 1) return row;
  }
  return -1;
}
