import type { NamedPhase, Rng } from '../../../sim/index.js';
import { communityStream, type Community } from '../communities/community.js';
import { workerDetection } from '../economy/effort.js';
import { monitoring, type Monitoring } from '../governance/detection.js';
import { appointAuditors, payAuditors } from '../governance/auditors.js';
import { sanction, type Judgement } from '../governance/sanctions.js';
import type { Society } from '../society.js';

/**
 * Phase 6. Each act (a shirker flagged by production; a steward who skims the fund) is
 * attributed to its author with one draw at π, the community's detection chance from its
 * monitors (governance/detection.ts). A named act meets a sanction — by a peer who pays for
 * it (lateral) or by an auditor who may take a bribe (hierarchical) — and the strikes climb
 * a graduated ladder that ends in expulsion. Reads shirked, civic norms, the fund; mutates
 * holdings, strikes, the fund, auditor marks, the community's governance record. Local to
 * each community and its own stream.
 */
export const accountability: NamedPhase<Society> = {
  name: 'accountability',
  run(society) {
    for (const community of society.communities) {
      if (society.members.count(community.id) > 0) judgeCommunity(society, community);
    }
  },
};

function judgeCommunity(society: Society, community: Community): void {
  const { people, members, params: p } = society;
  const { shirked, age, strikes, auditor, proprietor } = people.cols;
  const rng = communityStream(society.streams, community, 'accountability');
  const rows = members.rows;
  const start = members.start[community.id]!;
  const end = members.start[community.id + 1]!;
  const { adultAge, retirementAge } = p;
  const keptStrike = 1 - p.strikeDecay;
  let workers = 0;
  let shirkers = 0;
  const judgement: Judgement = { acts: 0, attributed: 0, punished: 0 };
  const monitors = currentMonitors(society, community);
  // Under wage labour a proprietor also watches the wage workers (the owner-monitor).
  const supervised: Monitoring = { detection: workerDetection(p, monitors.detection, false), auditors: monitors.auditors, auditorDetection: monitors.auditorDetection };
  for (let k = start; k < end; k++) {
    const row = rows[k]!;
    const held = strikes[row]!;
    if (held > 0) strikes[row] = held < 0.01 ? 0 : held * keptStrike;
    // Counted with no branch: workers, children and elders alternate unpredictably along a bucket.
    const years = age[row]!;
    workers += +(years >= adultAge) & +(years < retirementAge) & +(auditor[row] === 0);
    if (shirked[row] !== 1) continue;
    shirkers++;
    judgeAct(society, community, rng, row, proprietor[row] ? monitors : supervised, judgement, 0);
  }
  judgeSteward(society, community, rng, monitors, judgement);
  record(society, community, workers, shirkers, judgement);
  // Next month's monitors: set now so the effort choice sees who will be watching.
  const next = monitoring(p, end - start, workers);
  if (next.auditors > 0 || monitors.auditors > 0) {
    appointAuditors(society, community, next.auditors, rng);
    payAuditors(society, community);
  }
  community.governance.detection = next.detection;
}

function currentMonitors(society: Society, community: Community): Monitoring {
  const p = society.params;
  const n = society.members.count(community.id);
  const auditors = p.accountability === 'hierarchical' ? countAuditors(society, community) : 0;
  const base = monitoring(p, n, Math.max(1, auditors * p.auditorSpan));
  return { detection: community.governance.detection, auditors, auditorDetection: base.auditorDetection };
}

function countAuditors(society: Society, community: Community): number {
  const { members, people } = society;
  let count = 0;
  for (let k = members.start[community.id]!; k < members.start[community.id + 1]!; k++) count += people.cols.auditor[members.rows[k]!]!;
  return count;
}

/** One act: a draw at π; if named, the sanction (which may fail to come). `gain` is what a skimmer returns. */
function judgeAct(society: Society, community: Community, rng: Rng, row: number, monitors: Monitoring, judgement: Judgement, gain: number): boolean {
  judgement.acts++;
  if (rng.next() >= monitors.detection) return false;
  judgement.attributed++;
  const punished = sanction(society, community, rng, row, monitors, gain);
  if (punished) judgement.punished++;
  return punished;
}

/**
 * A steward (a random working member; an auditor under hierarchy, who keeps the books)
 * skims a share of the fund when the temptation beats their norm and the sanction they
 * expect; the act is judged like any other, and a sanctioned skimmer gives the goods back.
 */
function judgeSteward(society: Society, community: Community, rng: Rng, monitors: Monitoring, judgement: Judgement): void {
  const { people, members, params: p } = society;
  const cols = people.cols;
  const n = members.count(community.id);
  const drawn = members.rows[members.start[community.id]! + rng.int(n)]!;
  // Under hierarchy the books are kept by an auditor: the first in post from the draw on.
  const steward = monitors.auditors > 0 ? nextAuditor(society, community, drawn) : drawn;
  if (steward < 0 || cols.age[steward]! < p.adultAge) return;
  const expected = community.governance.detection * community.governance.enforcement * p.sanction * (1 + cols.strikes[steward]!);
  if (p.skimTemptation <= cols.civicNorm[steward]! * p.normWeight + expected) return;
  const food = community.fund.food * p.skimShare;
  const manufactures = community.fund.manufactures * p.skimShare;
  community.fund.food -= food;
  community.fund.manufactures -= manufactures;
  cols.food[steward]! += food;
  cols.manufactures[steward]! += manufactures;
  society.polity.counters.skims++;
  if (judgeAct(society, community, rng, steward, monitors, judgement, 1)) {
    const back = (held: number, taken: number) => Math.min(held, taken);
    const foodBack = back(cols.food[steward]!, food);
    const manufacturesBack = back(cols.manufactures[steward]!, manufactures);
    cols.food[steward]! -= foodBack;
    cols.manufactures[steward]! -= manufacturesBack;
    community.fund.food += foodBack;
    community.fund.manufactures += manufacturesBack;
  }
}

function nextAuditor(society: Society, community: Community, from: number): number {
  const { members, people } = society;
  const start = members.start[community.id]!;
  const n = members.count(community.id);
  // `from` was drawn from this bucket, so the walk finds it.
  let offset = 0;
  while (offset < n && members.rows[start + offset] !== from) offset++;
  for (let k = 0; k < n; k++) {
    const row = members.rows[start + ((offset + k) % n)]!;
    if (people.cols.auditor[row] === 1) return row;
  }
  return -1;
}

function record(society: Society, community: Community, workers: number, shirkers: number, judgement: Judgement): void {
  const g = community.governance;
  const counters = society.polity.counters;
  counters.acts += judgement.acts;
  counters.attributed += judgement.attributed;
  counters.sanctions += judgement.punished;
  g.freeRiding = workers > 0 ? shirkers / workers : 0;
  g.unpunished = judgement.acts > 0 ? 1 - judgement.punished / judgement.acts : 0;
  // Members learn how often naming leads to a sanction from what they see, slowly.
  if (judgement.attributed > 0) g.enforcement = 0.8 * g.enforcement + 0.2 * (judgement.punished / judgement.attributed);
}
