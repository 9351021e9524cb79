import type { SimEvent } from '../../sim/events.js';
import { communitiesFrom, recordHistories, type CommunityDatum, type CommunityHistory } from './communities.js';
import { FrameStore, type FrameState } from './frame-store.js';
import { unpackColumns } from './frames.js';
import { MetricsHistory } from './history.js';
import type { FrameMessage, FromWorker, RunInfo, SetupRequest, ToWorker } from './protocol.js';

/**
 * The page's side of one simulation worker: sends controls, receives frames, keeps the
 * metric history, the events, a frame per step for scrubbing, and each community's history.
 * Frame buffers go back to the worker on the next animation frame (or at once when
 * `paceByDisplay` is off, e.g. when re-running a recorded run as fast as possible).
 */
export class RunSession {
  info?: RunInfo;
  history?: MetricsHistory;
  events: SimEvent[] = [];
  readonly frames = new FrameStore(10, ['land.resource', 'overlay.cells']);
  readonly communityHistories = new Map<number, CommunityHistory>();
  latest?: FrameState;
  latestStep = 0;
  playing = false;
  stepsPerSecond = 0;
  /** Social functions with syndicates in the latest frame (empty for models without them). */
  serviceFunctions: string[] = [];
  onReady: (info: RunInfo) => void = () => {};
  onFrame: () => void = () => {};
  onError: (message: string) => void = () => {};
  private readonly worker: Worker;
  private awaitingReady = false;

  constructor(private readonly paceByDisplay = true) {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    this.worker.onerror = (event) => this.onError(event.message || 'the simulation worker failed');
  }

  /** Builds a fresh run (optionally running straight to `runTo`); the old run's frames are ignored from now on. */
  setup(request: SetupRequest, runTo?: number): void {
    this.awaitingReady = true;
    this.playing = false;
    this.send({ type: 'setup', request, runTo });
  }

  /** Runs on at the current speed. */
  play(): void {
    this.playing = true;
    this.send({ type: 'play' });
  }

  /** Stops after the current batch. */
  pause(): void {
    this.playing = false;
    this.send({ type: 'pause' });
  }

  /** One step, then stop. */
  step(): void {
    this.playing = false;
    this.send({ type: 'step' });
  }

  /** Sets the speed slider's value (0–100). */
  speed(value: number): void {
    this.send({ type: 'speed', value });
  }

  /** Asks for one function's syndicate regions in every frame (undefined: none). */
  overlay(serviceFunction: string | undefined): void {
    this.send({ type: 'overlay', serviceFunction });
  }

  /** Asks for a community's members' wealth in every frame (undefined: none). */
  focus(community: number | undefined): void {
    this.send({ type: 'focus', community });
  }

  /** Ends the worker. */
  close(): void {
    this.worker.terminate();
  }

  /** The communities at a step (the latest when no step is given). */
  communitiesAt(step?: number): CommunityDatum[] {
    const state = step === undefined ? this.latest : this.frames.at(step);
    return state ? communitiesFrom(state) : [];
  }

  /** True once the run has reached its length. */
  get done(): boolean {
    return !!this.info && this.latestStep >= this.info.totalSteps;
  }

  private send(message: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  private receive(message: FromWorker): void {
    if (message.type === 'error') {
      this.playing = false;
      this.onError(message.message);
    } else if (message.type === 'ready') {
      this.awaitingReady = false;
      this.reset(message.info);
      this.onReady(message.info);
    } else if (!this.awaitingReady) this.takeFrame(message);
  }

  private reset(info: RunInfo): void {
    this.info = info;
    this.history = new MetricsHistory(['step', ...info.metricNames]);
    this.events = [];
    this.frames.clear();
    this.communityHistories.clear();
    this.latest = undefined;
    this.latestStep = 0;
  }

  private takeFrame(frame: FrameMessage): void {
    const start = performance.now();
    const columns = unpackColumns(frame.packed);
    this.history!.append(columns);
    for (const event of frame.events) this.events.push(event);
    this.frames.add(frame.step, columns);
    this.latest = this.frames.at(frame.step);
    this.latestStep = frame.step;
    this.playing = frame.playing;
    this.stepsPerSecond = frame.stepsPerSecond;
    this.serviceFunctions = frame.serviceFunctions ?? [];
    recordHistories(this.communityHistories, frame.step, communitiesFrom(this.latest ?? {}));
    const giveBack = () => this.send({ type: 'recycle', buffer: frame.packed.buffer }, [frame.packed.buffer]);
    if (this.paceByDisplay) requestAnimationFrame(giveBack);
    else giveBack();
    this.onFrame();
    // The page's own work per frame includes taking the frame in (see the browser's performance panel).
    performance.measure('frame received', { start });
  }
}
