import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RefreshQueue, type Refreshable } from '../../viz/src/refresh-queue.js';

describe('RefreshQueue', () => {
  let now = 0;
  let frames: ((frameStart: number) => void)[] = [];
  const drawn: string[] = [];
  const item = (name: string, refreshInterval = 400): Refreshable => ({
    lastRefresh: -Infinity,
    refreshInterval,
    refresh() {
      this.lastRefresh = now;
      drawn.push(name);
    },
  });
  const queue = () => new RefreshQueue<Refreshable>(() => now, (callback) => frames.push(callback));
  // Runs the frame waiting, as if it had just started.
  const frame = () => frames.shift()!(now);

  beforeEach(() => {
    vi.useFakeTimers();
    now = 1000;
    frames = [];
    drawn.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('redraws one item per frame, taking the items in turn', () => {
    const q = queue();
    for (const name of ['a', 'b', 'c']) q.add(item(name));
    expect(frames).toHaveLength(1);
    frame();
    expect(drawn).toEqual(['a']);
    frame();
    frame();
    expect(drawn).toEqual(['a', 'b', 'c']);
    expect(q.size).toBe(0);
    expect(frames).toHaveLength(0);
  });

  it('holds an item back until its interval has passed, asleep on a timer rather than a frame each', () => {
    const q = queue();
    const a = item('a');
    q.add(a);
    frame();
    now += 100;
    q.add(a);
    frame();
    expect(drawn).toEqual(['a']);
    expect(frames).toHaveLength(0);
    now += 300;
    vi.advanceTimersByTime(300);
    expect(frames).toHaveLength(1);
    frame();
    expect(drawn).toEqual(['a', 'a']);
  });

  it('leaves a frame alone when the page has already spent its budget in it', () => {
    const q = queue();
    q.add(item('a'));
    frames.shift()!(now - 10);
    expect(drawn).toEqual([]);
    frame();
    expect(drawn).toEqual(['a']);
  });

  it('wakes early for an item that became due sooner (a card scrolled into view)', () => {
    const q = queue();
    const card = item('card', 2000);
    q.add(card);
    frame();
    now += 500;
    q.add(card);
    frame();
    expect(frames).toHaveLength(0);
    (card as { refreshInterval: number }).refreshInterval = 400;
    q.wake();
    frame();
    expect(drawn).toEqual(['card', 'card']);
  });
});
