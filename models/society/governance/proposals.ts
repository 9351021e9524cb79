import type { Community } from '../communities/community.js';
import type { Proposal } from './state.js';

/** Bounds of each policy a proposal can move. */
const BOUNDS: Record<Proposal['policy'], [number, number]> = { sharing: [0, 1], commonsRate: [0, 0.5], admission: [0, 1] };

/** The value a policy would take if the proposal passed (clamped; rounded so repeated steps land on a grid). */
export function proposedValue(community: Community, proposal: Proposal): number {
  return movedPolicy(proposal.policy, community.policy[proposal.policy], proposal.delta);
}

/** `proposedValue` from numbers: the policy at `current` moved by `delta`, clamped and rounded. */
export function movedPolicy(policy: Proposal['policy'], current: number, delta: number): number {
  const [low, high] = BOUNDS[policy];
  const value = current + delta;
  return Math.round(Math.min(high, Math.max(low, value)) * 1e6) / 1e6;
}

/** Whether two proposals ask for the same thing (the agenda takes each once). */
export function sameProposal(a: Proposal, b: Proposal): boolean {
  return a.policy === b.policy && Math.sign(a.delta) === Math.sign(b.delta);
}

/** The policies proposals may move, in a fixed order. */
export const PROPOSABLE: Proposal['policy'][] = ['sharing', 'commonsRate', 'admission'];

/** Whether this is a community's assembly month (assemblies are staggered by community). */
export function assemblyMonth(step: number, id: number, every: number): boolean {
  return step % every === id % every;
}

/** How far a proposal moves a policy: the fund rate moves in quarter steps (its range is half as wide, and it is a rate on all output). */
export function stepFor(policy: Proposal['policy'], policyStep: number): number {
  return policy === 'commonsRate' ? policyStep / 4 : policyStep;
}
