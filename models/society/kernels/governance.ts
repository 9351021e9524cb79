import type { Kernel } from '../../../sim/index.js';
import { accountabilityFlagged, accountabilityJudge } from './accountability.js';
import { assemblyPolls } from './assembly.js';
import { cultureCultivate } from './culture.js';
import { demographyEvents } from './demography.js';

/** Kernels of demography, accountability, culture and the assemblies (see kernels/produce.ts for the pattern). */
export const GOVERNANCE_KERNELS: readonly Kernel[] = [demographyEvents, accountabilityFlagged, accountabilityJudge, cultureCultivate, assemblyPolls];
