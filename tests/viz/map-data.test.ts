import { describe, expect, it } from 'vitest';
import { communitiesFrom, federationLinks, recordHistories, type CommunityHistory } from '../../viz/src/communities.js';
import { hillshade, regionPixels, terrainPixels, watershedEdges } from '../../viz/src/terrain.js';

describe('terrain', () => {
  it('draws watershed edges only between cells of different basins', () => {
    // Two basins split down the middle of a 4×2 map: one vertical edge per row.
    const basin = [0, 0, 1, 1, 0, 0, 1, 1];
    expect(watershedEdges(basin, 4, 2)).toEqual([[2, 0, 2, 1], [2, 1, 2, 2]]);
    expect(watershedEdges([5, 5, 5, 5], 2, 2)).toEqual([]);
  });

  it('shades flat land evenly and slopes facing away from the light darker', () => {
    const flat = hillshade(new Float32Array(9).fill(3), 3, 3);
    expect(new Set(flat).size).toBe(1);
    const rising = hillshade(Float32Array.from([0, 1, 2, 0, 1, 2, 0, 1, 2]), 3, 3);
    expect(rising[4]!).toBeLessThan(flat[4]!);
  });

  it('fills syndicate regions with one colour per syndicate and leaves unserved cells clear', () => {
    const pixels = regionPixels([-1, 0, 1, 2], ['#ff0000', '#0000ff']);
    expect(Array.from(pixels.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    expect(Array.from(pixels.subarray(4, 8))).toEqual([255, 0, 0, 120]);
    expect(Array.from(pixels.subarray(8, 12))).toEqual([0, 0, 255, 120]);
    expect(Array.from(pixels.subarray(12, 16))).toEqual([255, 0, 0, 120]);
  });

  it('gives one opaque pixel per cell', () => {
    const pixels = terrainPixels({ width: 3, height: 2, elevation: Float32Array.from([0, 1, 2, 3, 4, 5]) });
    expect(pixels.length).toBe(24);
    for (let i = 3; i < 24; i += 4) expect(pixels[i]).toBe(255);
  });
});

describe('communities on the map', () => {
  const columns = {
    'community.id': new Float32Array([1, 2, 3, 4]),
    'community.x': new Float32Array([0, 5, 9, 3]),
    'community.y': new Float32Array([1, 2, 3, 4]),
    'community.population': new Float32Array([10, 20, 30, 40]),
    'community.sharing': new Float32Array([0, 0.5, 1, 0.2]),
    'community.federation': new Float32Array([7, 7, -1, 7]),
    'community.annexed': new Float32Array([0, 0, 1, 0]),
  };

  it('are rebuilt from frame columns', () => {
    const list = communitiesFrom(columns);
    expect(list).toHaveLength(4);
    expect(list[2]).toEqual({ id: 3, x: 9, y: 3, population: 30, sharing: 1, fund: 0, annexed: true, federation: -1 });
    expect(communitiesFrom({})).toEqual([]);
  });

  it('are linked to their federation’s first member, not all pairs', () => {
    const links = federationLinks(communitiesFrom(columns)).map(([a, b]) => [a.id, b.id]);
    expect(links).toEqual([[1, 2], [1, 4]]);
  });

  it('keep a history per community, one entry per step', () => {
    const histories = new Map<number, CommunityHistory>();
    const list = communitiesFrom(columns);
    recordHistories(histories, 0, list);
    recordHistories(histories, 0, list);
    recordHistories(histories, 1, list.slice(0, 1));
    expect(histories.get(1)!.steps).toEqual([0, 1]);
    expect(histories.get(4)!.population).toEqual([40]);
  });
});
