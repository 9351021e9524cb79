import type { Rng } from '../../../sim/index.js';
import type { Aggressor } from './aggressor.js';

/** What the defence phase counts each step, for the metrics. */
export interface DefenceCounters {
  aggressions: number;
  repelled: number;
  annexations: number;
  liberations: number;
  /** Food-equivalents taken out of the society (seized wealth and tribute). */
  taken: number;
  /** Food-equivalents destroyed in battles. */
  destroyed: number;
}

/** Fresh counters for a step. */
export function zeroDefenceCounters(): DefenceCounters {
  return { aggressions: 0, repelled: 0, annexations: 0, liberations: 0, taken: 0, destroyed: 0 };
}

/**
 * The outside States and each community's defence: who is annexed (and by whom), the
 * militia training it voted, the soldiers it pays for itself, and the soldiers a central
 * purse paid this month.
 */
export class DefenceState {
  aggressors: Aggressor[] = [];
  /** Per community: the outside State that annexed it, or -1 when it is free. */
  annexedBy = new Int32Array(0);
  /** Per community: the share of time its militia trains (voted). */
  training = new Float64Array(0);
  /** Per community: full-time soldiers it paid for this month (a standing army under separate budgets). */
  localSoldiers = new Float64Array(0);
  /** Soldiers the central purse paid this month. */
  centralSoldiers = 0;
  counters: DefenceCounters = zeroDefenceCounters();
  /** The phase's own stream (kept for the run: battles draw from it in a fixed order). */
  rng: Rng | null = null;

  /** Grows the per-community arrays to n communities (new ones free, training at the default). */
  ensure(n: number, defaultTraining: number): void {
    if (this.annexedBy.length >= n) return;
    const annexed = new Int32Array(n).fill(-1);
    annexed.set(this.annexedBy);
    const training = new Float64Array(n).fill(defaultTraining);
    training.set(this.training);
    const soldiers = new Float64Array(n);
    soldiers.set(this.localSoldiers);
    [this.annexedBy, this.training, this.localSoldiers] = [annexed, training, soldiers];
  }

  /** Whether a community has lost its self-management to an outside State. */
  isAnnexed(community: number): boolean {
    return community < this.annexedBy.length && this.annexedBy[community]! >= 0;
  }
}
