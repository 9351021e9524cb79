import { describe, expect, it } from 'vitest';
import { Streams } from '../../../sim/index.js';
import { basins, drainage, flowAccumulation, noiseTerrain } from '../../../sim/space/landscape.js';

describe('landscape', () => {
  const terrain = () => noiseTerrain(40, 30, new Streams(3).derive('land'), { octaves: 4, scale: 8 });

  it('noise terrain is seeded, in [0, 1], and spans it', () => {
    const a = terrain();
    expect(Array.from(a)).toEqual(Array.from(terrain()));
    expect(Math.min(...a)).toBe(0);
    expect(Math.max(...a)).toBe(1);
    expect(Array.from(noiseTerrain(40, 30, new Streams(4).derive('land')))).not.toEqual(Array.from(a));
  });

  it('every cell drains to a strictly lower neighbour, or is a pit', () => {
    const elevation = terrain();
    const drainTo = drainage(elevation, 40, 30);
    for (let cell = 0; cell < drainTo.length; cell++) {
      const next = drainTo[cell]!;
      if (next < 0) continue;
      expect(elevation[next]!).toBeLessThan(elevation[cell]!);
      expect(Math.abs((next % 40) - (cell % 40))).toBeLessThanOrEqual(1);
      expect(Math.abs(Math.floor(next / 40) - Math.floor(cell / 40))).toBeLessThanOrEqual(1);
    }
  });

  it('a cell and the cell it drains to share a watershed; each watershed has one pit', () => {
    const elevation = terrain();
    const drainTo = drainage(elevation, 40, 30);
    const basin = basins(drainTo);
    const pits = new Map<number, number>();
    for (let cell = 0; cell < drainTo.length; cell++) {
      if (drainTo[cell]! >= 0) expect(basin[drainTo[cell]!]).toBe(basin[cell]);
      else pits.set(basin[cell]!, (pits.get(basin[cell]!) ?? 0) + 1);
    }
    expect(new Set(basin).size).toBe(pits.size);
    for (const count of pits.values()) expect(count).toBe(1);
  });

  it('on a tilted plane everything drains to the low edge: flow accumulates downhill', () => {
    const width = 5;
    const height = 4;
    const plane = Float32Array.from({ length: width * height }, (_, i) => (i % width) + 0.01 * Math.floor(i / width));
    const drainTo = drainage(plane, width, height);
    const flow = flowAccumulation(plane, drainTo);
    expect(new Set(basins(drainTo)).size).toBe(1);
    expect(flow[0]).toBe(width * height);
  });
});
