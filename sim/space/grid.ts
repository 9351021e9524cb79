import type { Rng } from '../rng.js';

/** Which cells count as neighbours: the 8-cell square (Moore) or the 4-cell diamond (von Neumann), at radius 1. */
export type Neighbourhood = 'moore' | 'vonNeumann';

/** How many agents a cell may hold: none tracked, at most one, or any number. */
export type Occupancy = 'none' | 'single' | 'multi';

/** Options for a Grid. */
export interface GridOptions {
  width: number;
  height: number;
  /** Whether the edges wrap around (default false). */
  torus?: boolean;
  /** Occupancy tracking (default 'none'). */
  occupancy?: Occupancy;
}

/** A neighbour table in compressed rows: the neighbours of cell c are cells[start[c] … start[c+1]). */
export interface NeighbourTable {
  start: Int32Array;
  cells: Int32Array;
}

const NO_ONE = -1;

/**
 * A rectangular grid of width × height cells, indexed row-major (`y * width + x`), optionally
 * a torus, with Moore and von Neumann neighbourhoods of any radius and optional occupancy by
 * agent ids (non-negative integers, e.g. Table ids; the occupancy methods need occupancy
 * 'single' or 'multi'). Everything lives in typed arrays; every query answers in a fixed
 * order, so models on it stay deterministic.
 */
export class Grid {
  readonly width: number;
  readonly height: number;
  /** Number of cells. */
  readonly size: number;
  readonly torus: boolean;
  readonly occupancy: Occupancy;
  private readonly tables = new Map<string, NeighbourTable>();
  /** Per cell: its agent (single) or its first agent (multi), or -1. */
  private readonly head: Int32Array;
  /** Per cell: how many agents it holds. */
  private readonly counts: Int32Array;
  /** Per agent id: its cell, or -1. Grows with the largest id placed. */
  private cellById = new Int32Array(0);
  /** Per agent id, in multi occupancy: the next and previous agent in the same cell. */
  private nextById = new Int32Array(0);
  private prevById = new Int32Array(0);
  /** The empty cells, packed at the front; `emptyPosition[cell]` is a cell's place there, or -1. */
  private readonly emptyList: Int32Array;
  private readonly emptyPosition: Int32Array;
  private emptyCount: number;

  constructor({ width, height, torus = false, occupancy = 'none' }: GridOptions) {
    if (!(Number.isInteger(width) && width > 0 && Number.isInteger(height) && height > 0)) {
      throw new Error(`Grid: width and height must be positive integers, found ${width}×${height}`);
    }
    this.width = width;
    this.height = height;
    this.size = width * height;
    this.torus = torus;
    this.occupancy = occupancy;
    const tracked = occupancy === 'none' ? 0 : this.size;
    this.head = new Int32Array(tracked).fill(NO_ONE);
    this.counts = new Int32Array(tracked);
    this.emptyList = Int32Array.from({ length: tracked }, (_, i) => i);
    this.emptyPosition = Int32Array.from({ length: tracked }, (_, i) => i);
    this.emptyCount = tracked;
  }

  /** The index of cell (x, y); wraps on a torus, -1 outside a bounded grid. */
  index(x: number, y: number): number {
    if (this.torus) {
      x = ((x % this.width) + this.width) % this.width;
      y = ((y % this.height) + this.height) % this.height;
    } else if (x < 0 || y < 0 || x >= this.width || y >= this.height) return -1;
    return y * this.width + x;
  }

  /** The column of a cell. */
  x(cell: number): number {
    return cell % this.width;
  }

  /** The row of a cell. */
  y(cell: number): number {
    return Math.floor(cell / this.width);
  }

  /** Whether (x, y) lies on the grid (always true on a torus). */
  contains(x: number, y: number): boolean {
    return this.torus || (x >= 0 && y >= 0 && x < this.width && y < this.height);
  }

  /**
   * The neighbours of a cell (itself excluded), in a fixed order: rows top to bottom, then
   * columns left to right, by offset. A view into a shared table: read it, do not write it.
   */
  neighbours(cell: number, kind: Neighbourhood = 'moore', radius = 1): Int32Array {
    const table = this.neighbourTable(kind, radius);
    return table.cells.subarray(table.start[cell]!, table.start[cell + 1]!);
  }

  /** The neighbour table for a kind and radius, built once (O(cells × neighbours) memory). */
  neighbourTable(kind: Neighbourhood = 'moore', radius = 1): NeighbourTable {
    const key = `${kind}:${radius}`;
    let table = this.tables.get(key);
    if (!table) this.tables.set(key, (table = this.buildTable(kind, radius)));
    return table;
  }

  private buildTable(kind: Neighbourhood, radius: number): NeighbourTable {
    if (!(Number.isInteger(radius) && radius >= 1)) throw new Error(`Grid: radius must be a positive integer, found ${radius}`);
    const offsets: [number, number][] = [];
    for (let dy = -radius; dy <= radius; dy++) {
      for (let dx = -radius; dx <= radius; dx++) {
        if (dx === 0 && dy === 0) continue;
        if (kind === 'vonNeumann' && Math.abs(dx) + Math.abs(dy) > radius) continue;
        offsets.push([dx, dy]);
      }
    }
    const start = new Int32Array(this.size + 1);
    const cells: number[] = [];
    const seen = new Set<number>();
    for (let cell = 0; cell < this.size; cell++) {
      start[cell] = cells.length;
      seen.clear();
      const cx = this.x(cell);
      const cy = this.y(cell);
      for (const [dx, dy] of offsets) {
        const other = this.index(cx + dx, cy + dy);
        // On a small torus two offsets can wrap onto the same cell, or onto the cell itself.
        if (other < 0 || other === cell || seen.has(other)) continue;
        seen.add(other);
        cells.push(other);
      }
    }
    start[this.size] = cells.length;
    return { start, cells: Int32Array.from(cells) };
  }

  // ---- occupancy ----

  /** The agent in a cell (single occupancy) or the first of them (multi), or -1. */
  agentAt(cell: number): number {
    return this.head[cell]!;
  }

  /** The agents in a cell, in the order they arrived. */
  agentsAt(cell: number): number[] {
    const out: number[] = [];
    if (this.occupancy === 'single') {
      if (this.head[cell]! >= 0) out.push(this.head[cell]!);
      return out;
    }
    for (let id = this.head[cell]!; id >= 0; id = this.nextById[id]!) out.push(id);
    return out;
  }

  /** How many agents a cell holds. */
  countAt(cell: number): number {
    return this.counts[cell]!;
  }

  /** Whether a cell holds no agent. */
  isEmpty(cell: number): boolean {
    return this.counts[cell] === 0;
  }

  /** The cell of an agent, or -1 when it is not on the grid. */
  cellOf(id: number): number {
    return id < this.cellById.length ? this.cellById[id]! : NO_ONE;
  }

  /** Puts an agent on a cell; throws if it is already placed or (single) the cell is taken. */
  place(id: number, cell: number): void {
    this.requireOccupancy();
    if (!(cell >= 0 && cell < this.size)) throw new Error(`Grid.place: no cell ${cell}`);
    if (this.cellOf(id) >= 0) throw new Error(`Grid.place: agent ${id} is already on cell ${this.cellOf(id)}`);
    if (this.occupancy === 'single' && this.counts[cell]! > 0) {
      throw new Error(`Grid.place: cell ${cell} is taken by agent ${this.head[cell]}`);
    }
    this.ensureIds(id + 1);
    this.cellById[id] = cell;
    if (this.occupancy === 'multi') this.link(id, cell);
    else this.head[cell] = id;
    if (this.counts[cell]++ === 0) this.markTaken(cell);
  }

  /** Takes an agent off the grid. */
  remove(id: number): void {
    const cell = this.cellOf(id);
    if (cell < 0) throw new Error(`Grid.remove: agent ${id} is not on the grid`);
    if (this.occupancy === 'multi') this.unlink(id, cell);
    else this.head[cell] = NO_ONE;
    this.cellById[id] = NO_ONE;
    if (--this.counts[cell]! === 0) this.markEmpty(cell);
  }

  /** Moves a placed agent to another cell. */
  move(id: number, cell: number): void {
    this.remove(id);
    this.place(id, cell);
  }

  /** Number of empty cells. */
  get emptyCellCount(): number {
    return this.emptyCount;
  }

  /** The empty cells, ascending. */
  emptyCells(): Int32Array {
    this.requireOccupancy();
    return this.emptyList.slice(0, this.emptyCount).sort();
  }

  /** A uniformly chosen empty cell (O(1)), or -1 when the grid is full. */
  randomEmptyCell(rng: Rng): number {
    this.requireOccupancy();
    return this.emptyCount === 0 ? NO_ONE : this.emptyList[rng.int(this.emptyCount)]!;
  }

  private requireOccupancy(): void {
    if (this.occupancy === 'none') throw new Error("Grid: occupancy is 'none'; create the grid with occupancy 'single' or 'multi'");
  }

  private link(id: number, cell: number): void {
    // Append at the tail so agentsAt lists agents in arrival order.
    this.nextById[id] = NO_ONE;
    let last = this.head[cell]!;
    if (last < 0) {
      this.head[cell] = id;
      this.prevById[id] = NO_ONE;
      return;
    }
    while (this.nextById[last]! >= 0) last = this.nextById[last]!;
    this.nextById[last] = id;
    this.prevById[id] = last;
  }

  private unlink(id: number, cell: number): void {
    const prev = this.prevById[id]!;
    const next = this.nextById[id]!;
    if (prev >= 0) this.nextById[prev] = next;
    else this.head[cell] = next;
    if (next >= 0) this.prevById[next] = prev;
  }

  private markTaken(cell: number): void {
    const position = this.emptyPosition[cell]!;
    const lastCell = this.emptyList[--this.emptyCount]!;
    this.emptyList[position] = lastCell;
    this.emptyPosition[lastCell] = position;
    this.emptyPosition[cell] = NO_ONE;
  }

  private markEmpty(cell: number): void {
    this.emptyList[this.emptyCount] = cell;
    this.emptyPosition[cell] = this.emptyCount++;
  }

  private ensureIds(size: number): void {
    if (size <= this.cellById.length) return;
    const capacity = Math.max(size, this.cellById.length * 2, 64);
    const widen = (old: Int32Array) => {
      const next = new Int32Array(capacity).fill(NO_ONE);
      next.set(old);
      return next;
    };
    this.cellById = widen(this.cellById);
    if (this.occupancy === 'multi') {
      this.nextById = widen(this.nextById);
      this.prevById = widen(this.prevById);
    }
  }
}
