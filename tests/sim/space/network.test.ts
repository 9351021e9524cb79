import { describe, expect, it } from 'vitest';
import { Network } from '../../../sim/index.js';

function ring(n: number): Network {
  const network = new Network();
  for (let i = 0; i < n; i++) network.addEdge(i, (i + 1) % n);
  return network;
}

describe('Network', () => {
  it('adds nodes and weighted undirected edges, both ways', () => {
    const network = new Network().addEdge(3, 1, 2.5).addNode(7);
    expect(network.nodeCount).toBe(3);
    expect(network.edgeCount).toBe(1);
    expect(network.hasEdge(1, 3)).toBe(true);
    expect(network.weight(1, 3)).toBe(2.5);
    expect(network.weight(1, 7)).toBeUndefined();
    network.addEdge(1, 3, 4);
    expect(network.edgeCount).toBe(1);
    expect(network.weight(3, 1)).toBe(4);
    expect(() => network.addEdge(2, 2)).toThrow(/itself/);
  });

  it('lists nodes and neighbours in ascending order whatever the insertion order', () => {
    const network = new Network();
    for (const [a, b] of [[50, 3], [50, 12], [50, 1], [7, 50]] as const) network.addEdge(a, b);
    expect(network.nodes()).toEqual([1, 3, 7, 12, 50]);
    expect(network.neighbours(50)).toEqual([1, 3, 7, 12]);
    expect(network.degree(50)).toBe(4);
    expect(network.edges().map((e) => [e.source, e.target])).toEqual([[1, 50], [3, 50], [7, 50], [12, 50]]);
  });

  it('removes edges and nodes, a node taking its edges with it', () => {
    const network = ring(5);
    network.removeEdge(0, 1);
    expect(network.hasEdge(1, 0)).toBe(false);
    network.removeNode(3);
    expect(network.hasNode(3)).toBe(false);
    expect(network.edgeCount).toBe(2);
    expect(network.neighbours(4)).toEqual([0]);
    network.removeNode(99).removeEdge(0, 2);
    expect(network.nodeCount).toBe(4);
  });

  it('keeps direction in a directed network', () => {
    const network = new Network({ directed: true }).addEdge(1, 2).addEdge(3, 1);
    expect(network.hasEdge(1, 2)).toBe(true);
    expect(network.hasEdge(2, 1)).toBe(false);
    expect(network.neighbours(1)).toEqual([2]);
    expect(network.degree(1)).toBe(1);
    expect(network.shortestPathLengths(3)).toEqual(new Map([[3, 0], [1, 1], [2, 2]]));
    expect(network.shortestPathLengths(2)).toEqual(new Map([[2, 0]]));
    expect(network.components()).toEqual([[1, 2, 3]]);
  });

  it('finds connected components, ordered by their smallest id', () => {
    const network = new Network().addEdge(9, 4).addEdge(4, 8).addEdge(2, 6).addNode(5);
    expect(network.components()).toEqual([[2, 6], [4, 8, 9], [5]]);
    expect(ring(6).components()).toEqual([[0, 1, 2, 3, 4, 5]]);
  });

  it('counts hops by breadth-first search', () => {
    const lengths = ring(8).shortestPathLengths(0);
    expect([...lengths.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d)).toEqual([0, 1, 2, 3, 4, 3, 2, 1]);
    expect(() => ring(3).shortestPathLengths(42)).toThrow(/no node/);
  });

  it('sums weights by Dijkstra, preferring a light detour to a heavy shortcut', () => {
    const network = new Network().addEdge(0, 1, 10).addEdge(0, 2, 1).addEdge(2, 3, 1).addEdge(3, 1, 1).addEdge(1, 4, 0.5);
    const lengths = network.shortestPathLengths(0, { weighted: true });
    expect(lengths.get(1)).toBe(3);
    expect(lengths.get(4)).toBe(3.5);
    expect(network.shortestPathLengths(0).get(1)).toBe(1);
    network.addNode(9);
    expect(network.shortestPathLengths(0, { weighted: true }).has(9)).toBe(false);
  });

  it('rejects negative weights in Dijkstra', () => {
    const network = new Network().addEdge(0, 1, -1);
    expect(() => network.shortestPathLengths(0, { weighted: true })).toThrow(/negative/);
  });
});
