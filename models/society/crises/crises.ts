import type { Rng } from '../../../sim/index.js';

/** Kinds of internal crisis. */
export const CRISIS_KINDS = ['mentalHealth', 'disaster', 'conflict'] as const;

/** One kind of crisis. */
export type CrisisKind = (typeof CRISIS_KINDS)[number];

/** Who answers crises: specialised unarmed responders or armed police. */
export type CrisisResponse = 'unarmed' | 'armed';

/**
 * Every assumption of the crisis model, each a parameter (docs/odd.md marks them as thin
 * evidence): how often each kind comes armed, how well each responder fits, and escalation.
 */
export interface CrisisAssumptions {
  /** Share of crises of each kind (the rest of mental health and disaster is conflict). */
  mentalHealthShare: number;
  disasterShare: number;
  /** Share of conflicts with someone armed; mental-health crises have a fifth of it, disasters none. */
  armedIncidentShare: number;
  /** Chance unarmed specialists resolve an unarmed mental-health or disaster crisis (conflict: 0.75 of it). */
  unarmedFit: number;
  /** Chance police resolve an unarmed crisis; an armed one 1.5 times it (at most 1). */
  armedFit: number;
  /** Chance of violence when unarmed responders meet an armed incident. */
  unarmedEscalation: number;
  /** Chance an armed response turns an unarmed crisis violent. */
  armedEscalation: number;
  /** Chance an unresolved crisis turns violent. */
  unresolvedViolence: number;
}

/** Share of crises of a kind. */
export function kindShare(kind: CrisisKind, a: CrisisAssumptions): number {
  if (kind === 'mentalHealth') return a.mentalHealthShare;
  if (kind === 'disaster') return a.disasterShare;
  return Math.max(0, 1 - a.mentalHealthShare - a.disasterShare);
}

/** Chance a crisis of a kind involves a weapon. */
export function armedChance(kind: CrisisKind, a: CrisisAssumptions): number {
  if (kind === 'disaster') return 0;
  return kind === 'conflict' ? a.armedIncidentShare : a.armedIncidentShare / 5;
}

/** Chance the responder resolves the crisis, scaled by the responders' quality (0..1). */
export function fit(response: CrisisResponse, kind: CrisisKind, armed: boolean, a: CrisisAssumptions, quality: number): number {
  const base = response === 'unarmed' ? (kind === 'conflict' ? 0.75 * a.unarmedFit : a.unarmedFit) : armed ? Math.min(1, 1.5 * a.armedFit) : a.armedFit;
  return base * quality;
}

/**
 * Chance one crisis ends in violence. An unarmed response meeting an armed incident escalates
 * with `unarmedEscalation`; an armed response to an unarmed crisis with `armedEscalation`;
 * otherwise violence comes only from crises left unresolved.
 */
export function violenceChance(response: CrisisResponse, kind: CrisisKind, armed: boolean, a: CrisisAssumptions, quality: number): number {
  const unresolved = (1 - fit(response, kind, armed, a, quality)) * a.unresolvedViolence;
  const escalation = response === 'unarmed' ? (armed ? a.unarmedEscalation : 0) : armed ? 0 : a.armedEscalation;
  return escalation + (1 - escalation) * unresolved;
}

/** Expected share of crises that end in violence under a response, over the mix of kinds. */
export function expectedViolence(response: CrisisResponse, a: CrisisAssumptions, quality: number): number {
  let total = 0;
  for (const kind of CRISIS_KINDS) {
    const armed = armedChance(kind, a);
    const share = kindShare(kind, a);
    total += share * (armed * violenceChance(response, kind, true, a, quality) + (1 - armed) * violenceChance(response, kind, false, a, quality));
  }
  return total;
}

/** One crisis drawn and answered: its kind, whether it was armed, whether it turned violent. */
export function resolveCrisis(response: CrisisResponse, a: CrisisAssumptions, quality: number, rng: Rng): { kind: CrisisKind; armed: boolean; violent: boolean } {
  const kind = CRISIS_KINDS[rng.weightedIndex(CRISIS_KINDS.map((k) => kindShare(k, a)))] ?? 'conflict';
  const armed = rng.next() < armedChance(kind, a);
  const violent = rng.next() < violenceChance(response, kind, armed, a, quality);
  return { kind, armed, violent };
}

/** An assumption of the crisis model that a sweep can move. */
export type CrisisAssumption = keyof CrisisAssumptions;

/**
 * The value of one assumption (in [0, 1], the rest held) at which unarmed and armed responses
 * give the same expected violence: the first sign change on a grid, refined by bisection.
 * NaN when the comparison does not flip anywhere in [0, 1].
 */
export function flipPoint(a: CrisisAssumptions, key: CrisisAssumption, unarmedQuality: number, armedQuality: number, grid = 100): number {
  const gap = (value: number) => {
    const moved = { ...a, [key]: value };
    return expectedViolence('unarmed', moved, unarmedQuality) - expectedViolence('armed', moved, armedQuality);
  };
  let previous = gap(0);
  for (let i = 1; i <= grid; i++) {
    const value = gap(i / grid);
    if (Math.sign(value) !== Math.sign(previous) && previous !== 0) return bisect(gap, (i - 1) / grid, i / grid);
    previous = value;
  }
  return Number.NaN;
}

function bisect(f: (x: number) => number, low: number, high: number): number {
  const lowSign = Math.sign(f(low));
  for (let i = 0; i < 50; i++) {
    const mid = (low + high) / 2;
    if (Math.sign(f(mid)) === lowSign) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
