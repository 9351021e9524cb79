import type { Kernel } from '../../../sim/index.js';
import { crisesDraw } from './crises.js';
import { researchDraw } from './research.js';
import { splitsFaction } from './splits.js';
import { syndicatesEducate } from './syndicates.js';
import { personNorms, personSums } from './person-sums.js';

/** Kernels of syndicates, free association, knowledge, defence, crises and ecology (see kernels/produce.ts for the pattern). */
export const ASSOCIATION_KERNELS: readonly Kernel[] = [syndicatesEducate, personSums, personNorms, splitsFaction, researchDraw, crisesDraw];
