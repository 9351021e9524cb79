import type { Rng } from '../rng.js';

/** Options for `noiseTerrain`. */
export interface NoiseOptions {
  /** Number of octaves summed (each twice the frequency, `persistence` times the amplitude). */
  octaves?: number;
  /** Cells per lattice step of the coarsest octave. */
  scale?: number;
  /** Amplitude ratio between successive octaves. */
  persistence?: number;
}

/**
 * Seeded value noise with octaves over a width × height grid, row-major (y * width + x),
 * rescaled to [0, 1]. Smooth (cosine-free smoothstep interpolation of lattice values).
 */
export function noiseTerrain(width: number, height: number, rng: Rng, options: NoiseOptions = {}): Float32Array {
  const { octaves = 4, scale = 16, persistence = 0.5 } = options;
  const out = new Float32Array(width * height);
  let amplitude = 1;
  let step = Math.max(1, scale);
  for (let octave = 0; octave < octaves; octave++) {
    addOctave(out, width, height, rng, step, amplitude);
    amplitude *= persistence;
    step = Math.max(1, step / 2);
  }
  return normalise(out);
}

function addOctave(out: Float32Array, width: number, height: number, rng: Rng, step: number, amplitude: number): void {
  const latticeW = Math.ceil(width / step) + 2;
  const latticeH = Math.ceil(height / step) + 2;
  const lattice = new Float32Array(latticeW * latticeH);
  for (let i = 0; i < lattice.length; i++) lattice[i] = rng.next();
  for (let y = 0; y < height; y++) {
    const gy = y / step;
    const y0 = Math.floor(gy);
    const ty = smooth(gy - y0);
    for (let x = 0; x < width; x++) {
      const gx = x / step;
      const x0 = Math.floor(gx);
      const tx = smooth(gx - x0);
      const a = lattice[y0 * latticeW + x0]!;
      const b = lattice[y0 * latticeW + x0 + 1]!;
      const c = lattice[(y0 + 1) * latticeW + x0]!;
      const d = lattice[(y0 + 1) * latticeW + x0 + 1]!;
      const top = a + (b - a) * tx;
      const bottom = c + (d - c) * tx;
      out[y * width + x]! += amplitude * (top + (bottom - top) * ty);
    }
  }
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}

/** Rescales values in place to [0, 1] (all equal ⇒ all 0) and returns the array. */
export function normalise(values: Float32Array): Float32Array {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  const span = high - low;
  for (let i = 0; i < values.length; i++) values[i] = span > 0 ? (values[i]! - low) / span : 0;
  return values;
}

/**
 * For each cell, the cell it drains to: its lowest strictly lower neighbour of the eight,
 * or -1 where none is lower (a pit: the outlet of a basin). Ties go to the first in a
 * fixed neighbour order, so the result depends on the elevations alone.
 */
export function drainage(elevation: ArrayLike<number>, width: number, height: number): Int32Array {
  const target = new Int32Array(width * height).fill(-1);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const cell = y * width + x;
      let lowest = elevation[cell]!;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if ((dx === 0 && dy === 0) || nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const neighbour = ny * width + nx;
          if (elevation[neighbour]! < lowest) {
            lowest = elevation[neighbour]!;
            target[cell] = neighbour;
          }
        }
      }
    }
  }
  return target;
}

/**
 * Watershed ids: cells that drain (through any chain) to the same pit share an id.
 * Ids are 0, 1, 2, … in order of each basin's first cell in row-major order. O(cells).
 */
export function basins(drainTo: Int32Array): Int32Array {
  const n = drainTo.length;
  const outlet = new Int32Array(n).fill(-1);
  const path: number[] = [];
  for (let cell = 0; cell < n; cell++) {
    let current = cell;
    while (outlet[current] === -1 && drainTo[current] !== -1) {
      path.push(current);
      current = drainTo[current]!;
    }
    const pit = outlet[current] === -1 ? current : outlet[current]!;
    outlet[current] = pit;
    for (const visited of path) outlet[visited] = pit;
    path.length = 0;
  }
  const idOfPit = new Map<number, number>();
  const basin = new Int32Array(n);
  for (let cell = 0; cell < n; cell++) {
    const pit = outlet[cell]!;
    let id = idOfPit.get(pit);
    if (id === undefined) idOfPit.set(pit, (id = idOfPit.size));
    basin[cell] = id;
  }
  return basin;
}

/**
 * Flow accumulation: how many cells (itself included) drain through each cell. Cells are
 * visited from highest to lowest so each passes its total downhill once. O(cells log cells).
 */
export function flowAccumulation(elevation: ArrayLike<number>, drainTo: Int32Array): Float32Array {
  const n = drainTo.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => elevation[b]! - elevation[a]! || a - b);
  const flow = new Float32Array(n).fill(1);
  for (const cell of order) {
    const next = drainTo[cell]!;
    if (next >= 0) flow[next]! += flow[cell]!;
  }
  return flow;
}
