import graphology from 'graphology';

// graphology ships CommonJS for Node and ESM for bundlers; both expose the graph classes as
// properties of the default export, which is the one spelling that works in both.
const { UndirectedGraph, DirectedGraph } = graphology;

type GraphInstance = InstanceType<typeof UndirectedGraph>;

/** Options for a Network. */
export interface NetworkOptions {
  /** Edges have a direction (default false: undirected). */
  directed?: boolean;
}

/** One edge: its ends and its weight. */
export interface Edge {
  source: number;
  target: number;
  weight: number;
}

const ascending = (a: number, b: number) => a - b;

/**
 * A graph of numeric node ids with weighted edges (undirected by default), stored in
 * graphology. Every list it returns is in ascending id order, so models that walk it stay
 * deterministic whatever order nodes and edges were added in.
 */
export class Network {
  /** The underlying graphology graph (node keys are the ids as strings). */
  readonly graph: GraphInstance;
  readonly directed: boolean;

  constructor({ directed = false }: NetworkOptions = {}) {
    this.directed = directed;
    this.graph = directed ? new DirectedGraph({ allowSelfLoops: false }) : new UndirectedGraph({ allowSelfLoops: false });
  }

  /** Number of nodes. */
  get nodeCount(): number {
    return this.graph.order;
  }

  /** Number of edges. */
  get edgeCount(): number {
    return this.graph.size;
  }

  /** Adds a node (nothing happens if it exists). */
  addNode(id: number): this {
    this.graph.mergeNode(id);
    return this;
  }

  /** Whether the node exists. */
  hasNode(id: number): boolean {
    return this.graph.hasNode(id);
  }

  /** Removes a node and its edges. */
  removeNode(id: number): this {
    if (this.graph.hasNode(id)) this.graph.dropNode(id);
    return this;
  }

  /** Adds an edge (and its end nodes if missing), or sets its weight if it exists. */
  addEdge(source: number, target: number, weight = 1): this {
    if (source === target) throw new Error(`Network.addEdge: a node cannot link to itself (${source})`);
    if (!Number.isFinite(weight)) throw new Error(`Network.addEdge: weight must be a finite number, found ${weight}`);
    this.graph.mergeNode(source);
    this.graph.mergeNode(target);
    this.graph.mergeEdge(source, target, { weight });
    return this;
  }

  /** Removes the edge between two nodes, if any. */
  removeEdge(source: number, target: number): this {
    if (this.graph.hasEdge(source, target)) this.graph.dropEdge(source, target);
    return this;
  }

  /** Whether an edge joins the two nodes (from source to target, when directed). */
  hasEdge(source: number, target: number): boolean {
    return this.graph.hasEdge(source, target);
  }

  /** The weight of an edge, or undefined when there is none. */
  weight(source: number, target: number): number | undefined {
    if (!this.graph.hasEdge(source, target)) return undefined;
    return this.graph.getEdgeAttribute(source, target, 'weight') as number;
  }

  /** The node ids, ascending. */
  nodes(): number[] {
    return this.graph.nodes().map(Number).sort(ascending);
  }

  /** The neighbours of a node (its successors, when directed), ascending. */
  neighbours(id: number): number[] {
    const keys = this.directed ? this.graph.outNeighbors(id) : this.graph.neighbors(id);
    return keys.map(Number).sort(ascending);
  }

  /** The number of edges at a node (outgoing ones, when directed). */
  degree(id: number): number {
    return this.directed ? this.graph.outDegree(id) : this.graph.degree(id);
  }

  /** Every edge, ordered by source then target; an undirected edge is listed once, smaller id first. */
  edges(): Edge[] {
    const out: Edge[] = [];
    this.graph.forEachEdge((_key, attributes, source, target) => {
      let [a, b] = [Number(source), Number(target)];
      if (!this.directed && a > b) [a, b] = [b, a];
      out.push({ source: a, target: b, weight: attributes['weight'] as number });
    });
    return out.sort((e, f) => e.source - f.source || e.target - f.target);
  }

  /**
   * The connected components (weakly connected, when directed): each ascending, the
   * components ordered by their smallest id. Breadth-first search, O(nodes + edges).
   */
  components(): number[][] {
    const seen = new Set<number>();
    const components: number[][] = [];
    for (const start of this.nodes()) {
      if (seen.has(start)) continue;
      seen.add(start);
      const members = [start];
      for (let head = 0; head < members.length; head++) {
        // graph.neighbors ignores direction, which is what weak connectivity wants.
        for (const key of this.graph.neighbors(members[head]!)) {
          const next = Number(key);
          if (!seen.has(next)) {
            seen.add(next);
            members.push(next);
          }
        }
      }
      components.push(members.sort(ascending));
    }
    return components;
  }

  /**
   * Shortest path lengths from a node to every node it reaches (itself at 0): hop counts by
   * breadth-first search, or with `weighted` the sums of edge weights by Dijkstra's algorithm
   * (weights must not be negative). Keys are in order of discovery.
   */
  shortestPathLengths(source: number, { weighted = false }: { weighted?: boolean } = {}): Map<number, number> {
    if (!this.graph.hasNode(source)) throw new Error(`Network.shortestPathLengths: no node ${source}`);
    return weighted ? this.dijkstra(source) : this.breadthFirst(source);
  }

  private breadthFirst(source: number): Map<number, number> {
    const distance = new Map<number, number>([[source, 0]]);
    const queue = [source];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const next of this.neighbours(node)) {
        if (distance.has(next)) continue;
        distance.set(next, distance.get(node)! + 1);
        queue.push(next);
      }
    }
    return distance;
  }

  private dijkstra(source: number): Map<number, number> {
    const settled = new Map<number, number>();
    const heap = new MinHeap();
    heap.push(0, source);
    while (heap.length > 0) {
      const [distance, node] = heap.pop();
      if (settled.has(node)) continue;
      settled.set(node, distance);
      for (const next of this.neighbours(node)) {
        if (settled.has(next)) continue;
        const weight = this.weight(node, next)!;
        if (weight < 0) throw new Error(`Network.shortestPathLengths: negative weight on edge ${node}–${next}`);
        heap.push(distance + weight, next);
      }
    }
    return settled;
  }
}

/** A binary min-heap of (priority, id) pairs; ties go to the smaller id, for determinism. */
class MinHeap {
  private readonly items: [number, number][] = [];

  get length(): number {
    return this.items.length;
  }

  push(priority: number, id: number): void {
    const items = this.items;
    items.push([priority, id]);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): [number, number] {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && less(items[left]!, items[smallest]!)) smallest = left;
        if (right < items.length && less(items[right]!, items[smallest]!)) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }
}

function less(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}
