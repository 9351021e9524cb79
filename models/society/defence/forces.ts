import type { Society } from '../society.js';
import { goodsRatio } from '../services/view.js';
import type { Aggressor } from './aggressor.js';
import { alliedStrength, armyStrength, militiaStrength, terrainFactor, type Ally } from './strength.js';

/** Per community: what its defence is made of and what it has to lose (one pass over persons). */
export interface Forces {
  adults: Float64Array;
  /** Members' goods and the fund, in food-equivalents. */
  goods: Float64Array;
  /** Last month's output, in food-equivalents. */
  output: Float64Array;
  elevation: Float64Array;
  technology: Float64Array;
  /** Its own militia and the soldiers it pays for itself. */
  own: Float64Array;
}

/** Measures every community's forces: O(persons + cells). */
export function measureForces(society: Society): Forces {
  const n = society.communities.length;
  const p = society.params;
  const ratio = goodsRatio(society);
  const forces: Forces = { adults: new Float64Array(n), goods: new Float64Array(n), output: new Float64Array(n), elevation: new Float64Array(n), technology: new Float64Array(n), own: new Float64Array(n) };
  const { age, food, manufactures, community } = society.people.cols;
  const order = society.members.inOrder(society.people);
  for (let m = 0; m < society.people.length; m++) {
    const row = order[m]!;
    const c = community[row]!;
    if (age[row]! >= p.adultAge && age[row]! < p.retirementAge) forces.adults[c]!++;
    forces.goods[c]! += Math.max(0, food[row]!) + ratio * Math.max(0, manufactures[row]!);
  }
  for (const c of society.communities) {
    forces.goods[c.id]! += Math.max(0, c.fund.food) + ratio * Math.max(0, c.fund.manufactures);
    forces.output[c.id] = c.food.output + ratio * c.manufactures.output;
    let elevation = 0;
    for (const cell of c.cells) elevation += society.land.elevation[cell]!;
    forces.elevation[c.id] = c.cells.length > 0 ? elevation / c.cells.length : 0;
    forces.technology[c.id] = society.knowledge.meanLevel(c.id);
    forces.own[c.id] = ownStrength(society, forces, c.id);
  }
  return forces;
}

function ownStrength(society: Society, forces: Forces, c: number): number {
  const p = society.params;
  const state = society.defence;
  const militia = militiaStrength({
    adults: forces.adults[c]!, serving: p.defence === 'militia' ? p.militiaShare : 0, training: state.training[c]!, technology: forces.technology[c]!,
    elevation: forces.elevation[c]!, terrainEffect: p.terrainEffect,
  });
  return militia + armyStrength(state.localSoldiers[c]!, forces.technology[c]!, forces.elevation[c]!, p.terrainEffect);
}

/** An outside State's strength where a community stands: it fades with distance from its base. */
export function strengthAt(aggressor: Aggressor, x: number, y: number, range: number): number {
  return aggressor.strength / (1 + Math.hypot(aggressor.x - x, aggressor.y - y) / range);
}

/** The federation partners that may answer a call: free ones, with their own strength and distance. */
export function alliesOf(society: Society, forces: Forces, c: number): Ally[] {
  const community = society.communities[c]!;
  return federationPartners(society, c)
    .filter((other) => !society.defence.isAnnexed(other) && society.communities[other]!.population > 0)
    .map((other) => {
      const ally = society.communities[other]!;
      return { strength: forces.own[other]!, distance: Math.hypot(ally.x - community.x, ally.y - community.y) };
    });
}

/** Communities in the same federation as c (ascending; none when it belongs to none). */
export function federationPartners(society: Society, c: number): number[] {
  const id = society.communities[c]?.governance.federation ?? -1;
  if (id < 0) return [];
  const federation = society.polity.federations.find((f) => f.id === id);
  if (!federation || federation.formed < 0) return [];
  return federation.members.filter((member) => member !== c);
}

/** The strength that meets an attack on c: its own, allies who answer, and the central army's share. */
export function defendingStrength(society: Society, forces: Forces, c: number, ownScale = 1): number {
  const p = society.params;
  const allies = alliedStrength(alliesOf(society, forces, c), p.allyReach, p.allyShare);
  const army = p.armyConcentration * armyStrength(society.defence.centralSoldiers, forces.technology[c]!, forces.elevation[c]!, p.terrainEffect);
  return ownScale * forces.own[c]! + allies + army;
}

/** The elevation multiplier of a community (for strength bought per unit of training). */
export function terrainOf(society: Society, forces: Forces, c: number): number {
  return terrainFactor(forces.elevation[c]!, society.params.terrainEffect);
}
