/** The engine's public API: everything a model needs, nothing about societies. */
export { Rng, Streams, type StreamKey } from './rng.js';
export { Table, ROWS_PER_BLOCK, blockwise, allocateColumn, grown, gatherHere, gatherBytes, gatherHalves, gatherWords, gatherWordPairs, type Schema, type Columns, type ColumnType, type TableOptions, type ColumnGather } from './table.js';
export { Agent, AgentSet, type SelectOptions, type Aggregate } from './agent-set.js';
export { Model, type Phase, type NamedPhase, type Simulation, type Sharding, type RunOptions, type Clock } from './model.js';
export { DataCollector, formatNumber, type CollectorSpec, type Reporter, type AgentReporter, type AgentSnapshot } from './collector.js';
export { writeNumber, MAX_NUMBER_BYTES } from './number-bytes.js';
export { doubleFields } from './double-fields.js';
export { EventLog, type SimEvent } from './events.js';
export { paramsSchema, paramSchema, resolveParams, numberParam, booleanParam, enumParam, type ParamSpec, type ParamTable, type ParamValues, type NumberParam, type BooleanParam, type EnumParam } from './params.js';
export { type ModelDefinition, type CreateOptions } from './definition.js';
export { TimedRunner } from './timed-runner.js';
export { LocalRunner, InlineSideTask, SharedStreams, balancedBounds, cachedView, jobWork, type Kernel, type KernelScope, type KernelArray, type ShardRunner, type SideTask, type SideHandler, type SideTasks } from './shards.js';
export { closureKernel, type ArraysByName, type CommunityWork } from './closure-kernel.js';
export { gini, giniInPlace, mean, sum, quantile, lorenz } from './stats.js';
export { Grid, Network, type GridOptions, type Neighbourhood, type Occupancy, type NeighbourTable, type NetworkOptions, type Edge } from './space/index.js';
export { noiseTerrain, normalise, drainage, basins, flowAccumulation, type NoiseOptions } from './space/landscape.js';
