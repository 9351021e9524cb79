import type { Kernel } from '../../../sim/index.js';

/** Kernels of syndicates, free association, knowledge, defence, crises and ecology (see kernels/produce.ts for the pattern). */
export const ASSOCIATION_KERNELS: readonly Kernel[] = [];
