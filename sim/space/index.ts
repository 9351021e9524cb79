/** Spaces agents live in: a rectangular grid and a network. */
export { Grid, type GridOptions, type Neighbourhood, type Occupancy, type NeighbourTable } from './grid.js';
export { Network, type NetworkOptions, type Edge } from './network.js';
