import { describe, expect, it } from 'vitest';
import { FrameStore } from '../../viz/src/frame-store.js';

const frame = (value: number) => ({
  'community.population': new Float32Array([value]),
  'land.resource': new Float32Array([value * 10]),
  'metric.step': new Float64Array([value]),
});

describe('frame store', () => {
  it('gives the latest frame at or before a step, and nothing before the first', () => {
    const store = new FrameStore(10);
    for (const step of [0, 1, 2, 5]) store.add(step, frame(step));
    expect(store.at(-1)).toBeUndefined();
    expect(store.at(4)!['community.population']![0]).toBe(2);
    expect(store.at(99)!['community.population']![0]).toBe(5);
    expect(store.lastStep).toBe(5);
  });

  it('keeps no metric rows (the history holds them)', () => {
    const store = new FrameStore();
    store.add(0, frame(0));
    expect(store.at(0)!['metric.step']).toBeUndefined();
  });

  it('keeps bulky layers only every k steps and on the newest frame, filling them in from earlier ones', () => {
    const store = new FrameStore(10);
    for (let step = 0; step <= 13; step++) store.add(step, frame(step));
    expect(store.at(13)!['land.resource']![0]).toBe(130);
    expect(store.at(12)!['land.resource']![0]).toBe(100);
    expect(store.at(9)!['land.resource']![0]).toBe(0);
  });

  it('copies what it keeps, so a reused frame buffer cannot change the past', () => {
    const store = new FrameStore();
    const columns = frame(1);
    store.add(1, columns);
    columns['community.population'][0] = -1;
    expect(store.at(1)!['community.population']![0]).toBe(1);
  });

  it('replaces a frame for the same step and forgets everything on clear', () => {
    const store = new FrameStore();
    store.add(3, frame(3));
    store.add(3, frame(4));
    expect(store.size).toBe(1);
    expect(store.at(3)!['community.population']![0]).toBe(4);
    store.clear();
    expect(store.at(3)).toBeUndefined();
  });
});
