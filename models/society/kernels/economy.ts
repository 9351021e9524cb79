import type { Kernel } from '../../../sim/index.js';

/** Kernels of distribution, exchange and consumption (see kernels/produce.ts for the pattern). */
export const ECONOMY_KERNELS: readonly Kernel[] = [];
