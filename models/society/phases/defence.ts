import type { NamedPhase, Rng } from '../../../sim/index.js';
import { aggressorSite, chooseTarget, fight, grow, type Aggressor } from '../defence/aggressor.js';
import { attackerWins } from '../defence/contest.js';
import { alliesOf, defendingStrength, measureForces, strengthAt, terrainOf, type Forces } from '../defence/forces.js';
import { takeShare } from '../defence/seize.js';
import { zeroDefenceCounters } from '../defence/state.js';
import { alliedStrength } from '../defence/strength.js';
import { chooseTraining, trainingLevels } from '../defence/training.js';
import { earmark } from '../services/funding.js';
import { takeValue, worth } from '../services/goods.js';
import { goodsRatio } from '../services/view.js';
import type { Society } from '../society.js';

/** Months of tribute an outside State counts when it values a target. */
const TRIBUTE_MONTHS = 12;

/**
 * Defence (phase 12; crosses communities, its own stream, fixed order). Communities that
 * keep a standing army pay it from their funds; threatened ones re-vote militia training;
 * each outside State grows, attacks now and then the community worth the most given its
 * chance to win (the contest function decides), annexes on a win; annexed communities pay
 * tribute and may rise. Communities never attack. Seized wealth, tribute and war
 * destruction leave the books as sinks.
 */
export const defence: NamedPhase<Society> = {
  name: 'defence',
  run(society) {
    const p = society.params;
    const state = society.defence;
    state.counters = zeroDefenceCounters();
    state.ensure(society.communities.length, p.militiaTraining);
    if (state.aggressors.length < p.aggressors) placeAggressors(society);
    payLocalArmies(society);
    if (state.aggressors.length === 0) return;
    const forces = measureForces(society);
    if (p.defence === 'militia') voteTraining(society, forces);
    const rng = (state.rng ??= society.streams.derive('defence'));
    for (const aggressor of state.aggressors) {
      grow(aggressor, p.aggressorGrowth);
      if (rng.next() < p.attackRate) attack(society, forces, aggressor, rng);
    }
    riseUp(society, forces, rng);
    payTribute(society, forces);
  },
};

function placeAggressors(society: Society): void {
  const { params: p, land, defence: state } = society;
  for (let i = state.aggressors.length; i < p.aggressors; i++) {
    const site = aggressorSite(i, p.aggressors, land.width, land.height);
    state.aggressors.push({ id: i, x: site.x, y: site.y, strength: p.aggressorStrength, taken: 0 });
  }
}

function payLocalArmies(society: Society): void {
  const { params: p, defence: state } = society;
  state.localSoldiers.fill(0);
  if (p.defence !== 'army' || p.unitaryBudget) return;
  const ratio = goodsRatio(society);
  for (const c of society.communities) {
    if (c.population <= 0 || state.isAnnexed(c.id)) continue;
    const want = p.armySize * c.population * p.soldierPay;
    const paid = takeValue(c.fund, Math.min(want, earmark(worth(c.fund, ratio), p.feeCap)), ratio);
    society.ledger.sink('food', 'defence', paid.food);
    society.ledger.sink('manufactures', 'defence', paid.manufactures);
    state.localSoldiers[c.id] = (paid.food + ratio * paid.manufactures) / Math.max(1e-9, p.soldierPay);
  }
}

function threatTo(society: Society, x: number, y: number): number {
  let threat = 0;
  for (const aggressor of society.defence.aggressors) threat = Math.max(threat, strengthAt(aggressor, x, y, society.params.aggressorRange));
  return threat;
}

function targetWorth(society: Society, forces: Forces, c: number): number {
  return society.params.seizedShare * forces.goods[c]! + society.params.tributeShare * forces.output[c]! * TRIBUTE_MONTHS;
}

function voteTraining(society: Society, forces: Forces): void {
  const { params: p, defence: state } = society;
  const levels = trainingLevels(p.militiaTraining, p.trainingMax);
  const free = society.communities.filter((c) => c.population > 0 && !state.isAnnexed(c.id));
  let totalWorth = 0;
  for (const c of free) totalWorth += targetWorth(society, forces, c.id);
  for (const c of free) {
    const atStake = targetWorth(society, forces, c.id);
    const perTraining = forces.adults[c.id]! * p.militiaShare * forces.technology[c.id]! * terrainOf(society, forces, c.id);
    state.training[c.id] = chooseTraining({
      attackChance: totalWorth > 0 ? (p.attackRate * state.aggressors.length * atStake) / totalWorth : 0,
      threat: threatTo(society, c.x, c.y),
      baseDefence: defendingStrength(society, forces, c.id, 0),
      strengthPerTraining: perTraining,
      atStake,
      costPerTraining: p.militiaShare * forces.output[c.id]!,
      exponent: p.contestExponent,
      levels,
    });
  }
}

function attack(society: Society, forces: Forces, aggressor: Aggressor, rng: Rng): void {
  const { params: p, defence: state } = society;
  const targets = society.communities
    .filter((c) => c.population > 0 && !state.isAnnexed(c.id))
    .map((c) => ({ id: c.id, attack: strengthAt(aggressor, c.x, c.y, p.aggressorRange), worth: targetWorth(society, forces, c.id), defence: defendingStrength(society, forces, c.id) }));
  const target = chooseTarget(targets, p.contestExponent);
  if (!target) return;
  state.counters.aggressions++;
  const battle = fight(target.attack, target.defence, p.contestExponent, p.battleLoss, rng);
  aggressor.strength = Math.max(0, aggressor.strength - battle.attackerLoss);
  destroy(society, target.id, p.warDestruction, 'war');
  if (battle.attackerWon) {
    state.annexedBy[target.id] = aggressor.id;
    state.counters.annexations++;
    aggressor.taken += destroy(society, target.id, p.seizedShare, 'tribute');
  } else state.counters.repelled++;
  society.events.log(society.steps + 1, battle.attackerWon ? 'annexation' : 'repelled', { community: target.id, aggressor: aggressor.id, attack: target.attack, defence: target.defence });
}

function destroy(society: Society, c: number, share: number, sink: 'war' | 'tribute'): number {
  const taken = takeShare(society, c, share);
  society.ledger.sink('food', sink, taken.food);
  society.ledger.sink('manufactures', sink, taken.manufactures);
  const value = taken.food + goodsRatio(society) * taken.manufactures;
  if (sink === 'war') society.defence.counters.destroyed += value;
  else society.defence.counters.taken += value;
  return value;
}

function riseUp(society: Society, forces: Forces, rng: Rng): void {
  const { params: p, defence: state } = society;
  for (const c of society.communities) {
    const holder = state.annexedBy[c.id]!;
    if (holder < 0 || c.population <= 0 || rng.next() >= p.breakFreeRate) continue;
    const garrison = p.garrisonShare * state.aggressors[holder]!.strength;
    const rising = forces.own[c.id]! + alliedStrength(alliesOf(society, forces, c.id), p.allyReach, p.allyShare);
    const won = rng.next() < attackerWins(rising, garrison, p.contestExponent);
    if (!won) continue;
    state.annexedBy[c.id] = -1;
    state.counters.liberations++;
    society.events.log(society.steps + 1, 'liberation', { community: c.id, aggressor: holder });
  }
}

function payTribute(society: Society, forces: Forces): void {
  const { params: p, defence: state } = society;
  for (const c of society.communities) {
    const holder = state.annexedBy[c.id]!;
    if (holder < 0 || forces.goods[c.id]! <= 0) continue;
    const share = Math.min(0.9, (p.tributeShare * forces.output[c.id]!) / forces.goods[c.id]!);
    state.aggressors[holder]!.taken += destroy(society, c.id, share, 'tribute');
  }
}
