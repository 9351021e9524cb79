import { basins, drainage, flowAccumulation, noiseTerrain, normalise } from '../../../sim/space/landscape.js';
import type { Rng } from '../../../sim/index.js';

/** The landscape: per-cell layers, row-major (y * width + x). */
export interface Land {
  width: number;
  height: number;
  elevation: Float32Array;
  fertility: Float32Array;
  water: Float32Array;
  /** Renewable resource stock (forest, fish, soil) per cell; regrows toward `capacity`. */
  resource: Float32Array;
  capacity: Float32Array;
  /** Watershed id per cell (cells draining to the same pit). */
  basin: Int32Array;
  /** Community index using each cell (usufruct), -1 if unused. */
  user: Int32Array;
}

/**
 * Builds the land from its own stream: terrain → drainage → watersheds; water from
 * flow accumulation (valleys are wet); fertility from a second noise layer, higher in
 * lowlands and near water. Depends only on the stream and the size.
 */
export function buildLand(side: number, rng: Rng, octaves: number, scale: number): Land {
  const width = side;
  const height = side;
  const elevation = noiseTerrain(width, height, rng, { octaves, scale });
  const drainTo = drainage(elevation, width, height);
  const flow = flowAccumulation(elevation, drainTo);
  const water = new Float32Array(flow.length);
  for (let i = 0; i < flow.length; i++) water[i] = Math.log(flow[i]!);
  normalise(water);
  const soil = noiseTerrain(width, height, rng, { octaves: 3, scale: scale / 2 });
  const fertility = new Float32Array(flow.length);
  for (let i = 0; i < flow.length; i++) {
    fertility[i] = Math.min(1, 0.1 + 0.6 * soil[i]! * (1 - 0.5 * elevation[i]!) + 0.3 * water[i]!);
  }
  return {
    width, height, elevation, fertility, water,
    resource: Float32Array.from(fertility),
    capacity: Float32Array.from(fertility),
    basin: basins(drainTo),
    user: new Int32Array(flow.length).fill(-1),
  };
}

/** The side of the square map for a population: cells ∝ persons. */
export function mapSide(population: number, cellsPerPerson: number): number {
  return Math.max(4, Math.round(Math.sqrt(population * cellsPerPerson)));
}
