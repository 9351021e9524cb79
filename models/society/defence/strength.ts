/** What a community's own militia is made of. */
export interface MilitiaInputs {
  /** Working adults. */
  adults: number;
  /** Share of them who serve. */
  serving: number;
  /** Share of their time they train. */
  training: number;
  /** Technology multiplier. */
  technology: number;
  /** Mean elevation (0..1) of its cells. */
  elevation: number;
  /** Defence multiplier per unit of elevation. */
  terrainEffect: number;
}

/** Terrain multiplier: hills favour whoever holds them. */
export function terrainFactor(elevation: number, terrainEffect: number): number {
  return 1 + terrainEffect * Math.max(0, elevation);
}

/** Militia strength: trained members × training × technology × terrain (MODEL.md). */
export function militiaStrength(m: MilitiaInputs): number {
  return m.adults * m.serving * m.training * m.technology * terrainFactor(m.elevation, m.terrainEffect);
}

/** A standing army's strength: full-time soldiers (training 1) × technology × terrain. */
export function armyStrength(soldiers: number, technology: number, elevation: number, terrainEffect: number): number {
  return soldiers * technology * terrainFactor(elevation, terrainEffect);
}

/** An ally that may answer: its own strength and its distance. */
export interface Ally {
  strength: number;
  distance: number;
}

/** Strength allies add: the answering share of each federation partner within reach. */
export function alliedStrength(allies: readonly Ally[], reach: number, answeringShare: number): number {
  let total = 0;
  for (const ally of allies) if (ally.distance <= reach) total += answeringShare * ally.strength;
  return total;
}

/** Soldiers a budget keeps under arms for a month. */
export function soldiersPaid(budget: number, pay: number): number {
  return pay > 0 ? Math.max(0, budget) / pay : 0;
}
