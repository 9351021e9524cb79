/** How the worker paces itself: a pause between batches, and at most this many steps per batch. */
export interface Pace {
  delayMs: number;
  stepsPerBatch: number;
}

/** The middle of the speed slider: one step per batch, no pause. */
export const NORMAL_SPEED = 50;

/**
 * The speed slider (0–100) as a pace, NetLogo-style: the left half slows down by pausing up
 * to half a second between steps; the right half runs up to 64 steps between frames.
 */
export function paceFor(speed: number): Pace {
  const value = Math.min(100, Math.max(0, speed));
  if (value <= NORMAL_SPEED) return { delayMs: Math.round(((NORMAL_SPEED - value) / NORMAL_SPEED) * 500), stepsPerBatch: 1 };
  return { delayMs: 0, stepsPerBatch: Math.round(2 ** (((value - NORMAL_SPEED) / NORMAL_SPEED) * 6)) };
}
