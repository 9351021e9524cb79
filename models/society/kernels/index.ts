import type { Kernel, SideTasks } from '../../../sim/index.js';
import { DiffusionHandler } from '../knowledge/diffusion-task.js';
import { ASSOCIATION_KERNELS } from './association.js';
import { ECONOMY_KERNELS } from './economy.js';
import { GATHER_KERNELS } from './gather.js';
import { GOVERNANCE_KERNELS } from './governance.js';
import { LAND_KERNELS } from './land.js';
import { METRICS_KERNELS } from './metrics.js';
import { produceEffort, produceOutput } from './produce.js';

/**
 * The society's kernels: the per-community parts of its phases, which a threaded run splits
 * across worker threads. Each worker imports this module, so its order is the same everywhere.
 */
export const KERNELS: readonly Kernel[] = [produceEffort, produceOutput, ...ECONOMY_KERNELS, ...GOVERNANCE_KERNELS, ...ASSOCIATION_KERNELS, ...METRICS_KERNELS, ...GATHER_KERNELS, ...LAND_KERNELS];

/**
 * The society's side tasks: work with state of its own that a threaded run keeps on a thread of
 * its own while the step goes on (sim/shards.ts, `SideTask`). Diffusion: the knowledge stock.
 */
export const SIDE_TASKS: SideTasks = { diffusion: () => new DiffusionHandler() };

/** This module's address, for worker threads to load. */
export const KERNEL_MODULE: string = import.meta.url;
