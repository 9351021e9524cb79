import type { ParamTable } from '../../sim/params.js';
import type { SimEvent } from '../../sim/events.js';
import type { PackedColumns } from './frames.js';

/** The land as the map needs it (row-major cells), sent once when a run is set up. */
export interface LandLayers {
  width: number;
  height: number;
  elevation: Float32Array;
  water?: Float32Array;
  fertility?: Float32Array;
  resource?: Float32Array;
  basin?: Int32Array;
}

/** Everything fixed about a run, sent once after setup. */
export interface RunInfo {
  model: string;
  name: string;
  description: string;
  file: string;
  seed: number;
  totalSteps: number;
  params: Record<string, unknown>;
  paramTable: ParamTable;
  metricNames: string[];
  land?: LandLayers;
  /** Size of the model's cell grid, when it has one (its cells travel in each frame). */
  grid?: { width: number; height: number };
}

/** How to set up a run: a scenario file's text plus overrides (as the CLI's --seed/--steps/--set). */
export interface SetupRequest {
  file: string;
  /** Every built-in scenario's text by file name, so `extends` resolves without a file system. */
  texts: Record<string, string>;
  seed?: number;
  steps?: number;
  set?: string[];
}

/** Messages from the page to the worker. */
export type ToWorker =
  | { type: 'setup'; request: SetupRequest; runTo?: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'speed'; value: number }
  /** The social function whose syndicate regions each frame should carry (`overlay.cells`), or none. */
  | { type: 'overlay'; serviceFunction: string | undefined }
  /** The community whose members' wealth each frame should carry (`focus.*`), or none. */
  | { type: 'focus'; community: number | undefined }
  /** The last frame's buffer, drawn and handed back for reuse (also the go-ahead for the next frame). */
  | { type: 'recycle'; buffer: ArrayBuffer };

/**
 * One frame: the state after `step`, the metric rows and events since the previous frame,
 * and (packed in one buffer) `metric.*` rows, `community.*` fields, `lorenz.*` and `hist.*`.
 */
export interface FrameMessage {
  type: 'frame';
  step: number;
  totalSteps: number;
  playing: boolean;
  stepsPerSecond: number;
  events: SimEvent[];
  gini?: number;
  /** The social functions that have syndicates now (for the regions overlay), when the model has any. */
  serviceFunctions?: string[];
  packed: PackedColumns;
}

/** Messages from the worker to the page. */
export type FromWorker =
  | { type: 'ready'; info: RunInfo }
  | FrameMessage
  | { type: 'error'; message: string };
