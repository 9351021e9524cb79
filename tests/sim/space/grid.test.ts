import { describe, expect, it } from 'vitest';
import { Grid, Streams } from '../../../sim/index.js';

const sorted = (cells: ArrayLike<number>) => Array.from(cells).sort((a, b) => a - b);

describe('Grid geometry', () => {
  it('maps cells to (x, y) and back, row-major', () => {
    const grid = new Grid({ width: 4, height: 3 });
    expect(grid.size).toBe(12);
    expect(grid.index(1, 2)).toBe(9);
    expect([grid.x(9), grid.y(9)]).toEqual([1, 2]);
    for (let cell = 0; cell < grid.size; cell++) expect(grid.index(grid.x(cell), grid.y(cell))).toBe(cell);
    expect(grid.index(4, 0)).toBe(-1);
    expect(grid.contains(-1, 0)).toBe(false);
  });

  it('wraps coordinates on a torus', () => {
    const torus = new Grid({ width: 4, height: 3, torus: true });
    expect(torus.index(-1, -1)).toBe(torus.index(3, 2));
    expect(torus.index(5, 4)).toBe(torus.index(1, 1));
    expect(torus.contains(-7, 9)).toBe(true);
  });

  it('gives 8 Moore and 4 von Neumann neighbours inside, fewer at a bounded edge', () => {
    const grid = new Grid({ width: 5, height: 5 });
    const centre = grid.index(2, 2);
    expect(sorted(grid.neighbours(centre))).toEqual([6, 7, 8, 11, 13, 16, 17, 18]);
    expect(sorted(grid.neighbours(centre, 'vonNeumann'))).toEqual([7, 11, 13, 17]);
    expect(sorted(grid.neighbours(0))).toEqual([1, 5, 6]);
    expect(sorted(grid.neighbours(0, 'vonNeumann'))).toEqual([1, 5]);
  });

  it('wraps neighbourhoods on a torus', () => {
    const torus = new Grid({ width: 5, height: 5, torus: true });
    expect(sorted(torus.neighbours(0))).toEqual([1, 4, 5, 6, 9, 20, 21, 24]);
    expect(sorted(torus.neighbours(0, 'vonNeumann'))).toEqual([1, 4, 5, 20]);
  });

  it('counts (2r+1)²-1 Moore and 2r(r+1) von Neumann neighbours at radius r', () => {
    const torus = new Grid({ width: 11, height: 11, torus: true });
    for (const r of [1, 2, 3]) {
      expect(torus.neighbours(60, 'moore', r)).toHaveLength((2 * r + 1) ** 2 - 1);
      expect(torus.neighbours(60, 'vonNeumann', r)).toHaveLength(2 * r * (r + 1));
    }
    expect(() => torus.neighbours(0, 'moore', 0)).toThrow(/radius/);
  });

  it('lists each neighbour once on a torus smaller than the neighbourhood', () => {
    const tiny = new Grid({ width: 2, height: 2, torus: true });
    expect(sorted(tiny.neighbours(0))).toEqual([1, 2, 3]);
    expect(sorted(tiny.neighbours(0, 'moore', 2))).toEqual([1, 2, 3]);
  });

  it('is symmetric: b neighbours a whenever a neighbours b', () => {
    const grid = new Grid({ width: 7, height: 6 });
    for (let a = 0; a < grid.size; a++) {
      for (const b of grid.neighbours(a, 'moore', 2)) expect(Array.from(grid.neighbours(b, 'moore', 2))).toContain(a);
    }
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => new Grid({ width: 0, height: 3 })).toThrow(/width and height/);
    expect(() => new Grid({ width: 2.5, height: 3 })).toThrow(/width and height/);
  });
});

describe('Grid occupancy', () => {
  it('places, moves and removes one agent per cell', () => {
    const grid = new Grid({ width: 3, height: 3, occupancy: 'single' });
    grid.place(7, 4);
    expect(grid.agentAt(4)).toBe(7);
    expect(grid.cellOf(7)).toBe(4);
    expect(grid.isEmpty(4)).toBe(false);
    expect(() => grid.place(8, 4)).toThrow(/taken/);
    expect(() => grid.place(7, 0)).toThrow(/already/);
    grid.move(7, 0);
    expect([grid.agentAt(4), grid.agentAt(0), grid.cellOf(7)]).toEqual([-1, 7, 0]);
    grid.remove(7);
    expect(grid.cellOf(7)).toBe(-1);
    expect(grid.emptyCellCount).toBe(9);
    expect(() => grid.remove(7)).toThrow(/not on the grid/);
  });

  it('keeps many agents per cell in arrival order', () => {
    const grid = new Grid({ width: 2, height: 2, occupancy: 'multi' });
    [5, 1, 9].forEach((id) => grid.place(id, 3));
    expect(grid.agentsAt(3)).toEqual([5, 1, 9]);
    expect(grid.countAt(3)).toBe(3);
    grid.remove(1);
    expect(grid.agentsAt(3)).toEqual([5, 9]);
    grid.move(5, 0);
    expect(grid.agentsAt(3)).toEqual([9]);
    expect(grid.agentsAt(0)).toEqual([5]);
    grid.remove(9);
    expect(grid.isEmpty(3)).toBe(true);
    expect(grid.agentAt(3)).toBe(-1);
  });

  it('knows its empty cells, and draws one uniformly', () => {
    const grid = new Grid({ width: 4, height: 4, occupancy: 'single' });
    for (let id = 0; id < 12; id++) grid.place(id, id);
    expect(Array.from(grid.emptyCells())).toEqual([12, 13, 14, 15]);
    const rng = new Streams(5).derive('empty');
    const counts = new Map<number, number>();
    for (let i = 0; i < 8000; i++) {
      const cell = grid.randomEmptyCell(rng);
      counts.set(cell, (counts.get(cell) ?? 0) + 1);
    }
    expect(sorted([...counts.keys()])).toEqual([12, 13, 14, 15]);
    for (const count of counts.values()) expect(Math.abs(count - 2000)).toBeLessThan(200);
    for (let id = 12; id < 16; id++) grid.place(id, id);
    expect(grid.randomEmptyCell(rng)).toBe(-1);
  });

  it('keeps its empty-cell list true through many random moves', () => {
    const grid = new Grid({ width: 10, height: 10, occupancy: 'single', torus: true });
    const rng = new Streams(8).derive('moves');
    for (let id = 0; id < 60; id++) grid.place(id, grid.randomEmptyCell(rng));
    for (let k = 0; k < 2000; k++) grid.move(rng.int(60), grid.randomEmptyCell(rng));
    const empty = Array.from({ length: grid.size }, (_, cell) => cell).filter((cell) => grid.agentAt(cell) < 0);
    expect(Array.from(grid.emptyCells())).toEqual(empty);
    expect(grid.emptyCellCount).toBe(40);
  });

  it('refuses occupancy calls when occupancy is off', () => {
    const grid = new Grid({ width: 2, height: 2 });
    expect(() => grid.place(0, 0)).toThrow(/occupancy/);
    expect(() => grid.emptyCells()).toThrow(/occupancy/);
  });
});
