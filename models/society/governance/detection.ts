import { detectionChance } from '../economy/effort.js';
import type { SocietyParams } from '../params.js';

/** Who watches a community this month, and how well: the one detection function with its inputs. */
export interface Monitoring {
  /** π: chance a given act is attributed to its author. */
  detection: number;
  /** Auditors (hierarchical only; 0 under lateral accountability). */
  auditors: number;
  /** π for the auditors themselves, watched by each other (what deters a bribe). */
  auditorDetection: number;
}

/**
 * Lateral: every member watches the whole group, so π = ω·min(1, D/N) over the members.
 * Hierarchical: ⌈workers/span⌉ auditors each watch a span, so π = ω_a·min(1, D/span) with
 * ω_a the specialist's base; auditors are watched by each other, π over their own number.
 * With the attribution channel off, both are their base ω: no size effect either way.
 */
export function monitoring(p: SocietyParams, members: number, workers: number): Monitoring {
  if (p.accountability !== 'hierarchical') return { detection: detectionChance(p, members), auditors: 0, auditorDetection: 0 };
  const auditors = workers > 0 ? Math.max(1, Math.ceil(workers / p.auditorSpan)) : 0;
  const span = auditors > 0 ? workers / auditors : 1;
  return { detection: detectionChance(p, span, p.auditorSkill), auditors, auditorDetection: detectionChance(p, auditors) };
}
