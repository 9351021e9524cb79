/** Something redrawn through the queue: when it last drew, how often it may, and how. */
export interface Refreshable {
  lastRefresh: number;
  /** The shortest time between two of its redraws, in milliseconds. */
  readonly refreshInterval: number;
  refresh(): void;
}

// A redraw waits for the next frame when the current one has already used this much time
// (the live view's own drawing comes first), so a frame holds at most one chart's redraw.
const FRAME_BUDGET_MS = 6;

/**
 * Redraws waiting items at most one per animation frame, each no more often than its interval,
 * taking them in turn. While nothing is due it sleeps on a timer rather than waking every frame.
 */
export class RefreshQueue<T extends Refreshable> {
  private readonly pending = new Set<T>();
  private frameRequested = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly clock: () => number = () => performance.now(),
    private readonly nextFrame: (callback: (frameStart: number) => void) => void = (callback) => requestAnimationFrame(callback),
  ) {}

  /** Asks for a redraw of `item` soon. */
  add(item: T): void {
    this.pending.add(item);
    this.wake();
  }

  /** Items waiting for a redraw. */
  get size(): number {
    return this.pending.size;
  }

  /** Asks for a frame now (an item may have become due sooner, e.g. scrolled into view). */
  wake(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.nextFrame((frameStart) => this.run(frameStart));
  }

  /** One frame's turn: redraws the first due item, then waits for the next frame or the next due time. */
  run(frameStart: number): void {
    this.frameRequested = false;
    const now = this.clock();
    if (now - frameStart > FRAME_BUDGET_MS) {
      this.wake();
      return;
    }
    let wait = Infinity;
    for (const item of this.pending) {
      const due = item.lastRefresh + item.refreshInterval - now;
      if (due > 0) {
        wait = Math.min(wait, due);
        continue;
      }
      // Deleting and re-adding later puts an item at the back: items take turns.
      this.pending.delete(item);
      item.refresh();
      if (this.pending.size > 0) this.wake();
      return;
    }
    if (wait < Infinity) this.timer = setTimeout(() => this.wake(), Math.ceil(wait));
  }
}
