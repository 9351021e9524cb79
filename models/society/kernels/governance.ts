import type { Kernel } from '../../../sim/index.js';

/** Kernels of demography, accountability, culture and the assemblies (see kernels/produce.ts for the pattern). */
export const GOVERNANCE_KERNELS: readonly Kernel[] = [];
