import type { FrameArray } from './frames.js';

/** The state part of a frame (everything but the metric rows), kept so time can be scrubbed back. */
export type FrameState = Record<string, FrameArray>;

/**
 * Frames by step, for scrubbing. Bulky layers (the resource stock) are kept only every
 * `bulkyEvery` steps; `at(step)` fills them in from the nearest earlier frame that has them.
 */
export class FrameStore {
  private readonly steps: number[] = [];
  private readonly states: FrameState[] = [];

  constructor(private readonly bulkyEvery = 10, private readonly bulky = ['land.resource']) {}

  /** Keeps a copy of the frame's state columns at this step (a later frame for the same step replaces it). */
  add(step: number, columns: Record<string, FrameArray>): void {
    const state: FrameState = {};
    for (const [name, values] of Object.entries(columns)) {
      if (name.startsWith('metric.')) continue;
      state[name] = values.slice();
    }
    const last = this.steps.length - 1;
    if (last >= 0 && this.steps[last] === step) this.states[last] = state;
    else if (last < 0 || this.steps[last]! < step) {
      // The newest frame keeps its bulky layers; older ones only every `bulkyEvery` steps.
      if (last >= 0 && this.steps[last]! % this.bulkyEvery !== 0) for (const name of this.bulky) delete this.states[last]![name];
      this.steps.push(step);
      this.states.push(state);
    }
  }

  /** Forgets every frame (a new run). */
  clear(): void {
    this.steps.length = 0;
    this.states.length = 0;
  }

  /** Steps stored. */
  get size(): number {
    return this.steps.length;
  }

  /** The latest stored step, or -1. */
  get lastStep(): number {
    return this.steps[this.steps.length - 1] ?? -1;
  }

  /** The state at the latest stored step at or before `step` (bulky layers from the nearest frame holding them). */
  at(step: number): FrameState | undefined {
    let low = 0;
    let high = this.steps.length - 1;
    if (high < 0 || this.steps[0]! > step) return undefined;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.steps[middle]! <= step) low = middle;
      else high = middle - 1;
    }
    const state = { ...this.states[low]! };
    for (const name of this.bulky) {
      for (let i = low; i >= 0 && !state[name]; i--) if (this.states[i]![name]) state[name] = this.states[i]![name]!;
    }
    return state;
  }
}
