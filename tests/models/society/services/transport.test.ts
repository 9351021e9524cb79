import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import type { ServedPlace } from '../../../../models/society/services/place.js';
import { transportNetwork, transportRegionOf } from '../../../../models/society/services/transport.js';

function scatter(count: number, side: number, seed: string): ServedPlace[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, (_, id) => ({ id: id * 3 + 1, x: rng.int(side), y: rng.int(side), population: 100, area: 9 }));
}

describe('the transport network', () => {
  it('connects every community it serves, whatever their scatter', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const places = scatter(80, 64, seed);
      const network = transportNetwork(places, 16, 64);
      expect(network.nodes()).toEqual(places.map((p) => p.id).sort((a, b) => a - b));
      expect(network.components()).toHaveLength(1);
    }
  });

  it('is a tree: regional trees joined by one link per pair of neighbouring regions', () => {
    const places = scatter(50, 64, 'tree');
    const network = transportNetwork(places, 16, 64);
    expect(network.edgeCount).toBe(places.length - 1);
  });

  it('most links stay inside a region: each regional syndicate runs its own lines', () => {
    const places = scatter(120, 64, 'regions');
    const network = transportNetwork(places, 16, 64);
    const region = new Map(places.map((p) => [p.id, transportRegionOf(p, 16, 64)]));
    const regions = new Set(region.values()).size;
    const crossing = network.edges().filter((e) => region.get(e.source) !== region.get(e.target)).length;
    expect(crossing).toBe(regions - 1);
  });

  it('connects a subset of served communities on its own (opted-out ones are not nodes)', () => {
    const places = scatter(60, 64, 'subset').filter((_, i) => i % 3 !== 0);
    const network = transportNetwork(places, 16, 64);
    expect(network.nodeCount).toBe(places.length);
    expect(network.components()).toHaveLength(1);
  });
});
