import type { Kernel, ShardRunner } from './shards.js';
import { AgentSet } from './agent-set.js';
import { DataCollector, type CollectorSpec } from './collector.js';
import { EventLog } from './events.js';
import { Streams, type Rng } from './rng.js';

/** A phase of a step: a plain function of the model. */
export type Phase<M> = (model: M) => void;

/** A phase with its name (the name appears in profiles and docs). */
export interface NamedPhase<M> {
  name: string;
  run: Phase<M>;
}

/** What the CLI, the sweep workers and the browser need from any runnable model. */
export interface Simulation {
  /** Steps completed so far. */
  readonly steps: number;
  /** Advances one step (all phases, then collection). */
  step(): void;
  /** False once the model has finished by itself (e.g. Schelling with everyone content): runners stop stepping it. */
  readonly running?: boolean;
  /** Per-step metrics. */
  readonly collector: DataCollector<any>;
  /** Events as they happened. */
  readonly events: EventLog;
  /** A few headline figures for a terminal summary. */
  summary(): Record<string, number | string>;
  /** Extra files for the run folder (name → text), e.g. end-of-run survival tables. */
  finalFiles?(): Record<string, string>;
  /** Present on models whose per-community work can be split across threads. */
  readonly sharding?: Sharding;
}

/** What a threaded runner needs from a model, and where it hands itself over. */
export interface Sharding {
  /** Module (file URL) exporting `KERNELS`, the list `kernels` is: each worker thread loads it. */
  readonly kernelModule: string;
  readonly kernels: readonly Kernel[];
  readonly params: Readonly<Record<string, unknown>>;
  readonly seed: number;
  /** The runner the model's kernels run through now (its own one-thread runner until `use`). */
  readonly runner: ShardRunner;
  /** From now on the model's kernels run through this runner (built with shared arrays). */
  use(runner: ShardRunner): void;
}

/** Options for `Model.run`. */
export interface RunOptions<M> {
  /** Number of steps to run (default: until `running` is false or `until` holds). */
  steps?: number;
  /** Stop as soon as this returns true (checked before each step). */
  until?: (model: M) => boolean;
  /** Called after each step. */
  onStep?: (model: M) => void;
}

/** Optional clock for per-phase profiles; injected from Node or the browser, never read in sim/. */
export type Clock = () => number;

/**
 * The engine's model: a seed, a step counter, a step made of ordered named phases, streams,
 * a data collector and an event log. Subclasses add their state and call `setPhases`
 * and `collect`; the engine owns the clock (`steps`).
 */
export class Model implements Simulation {
  readonly seed: number;
  readonly streams: Streams;
  /** The model's own stream, for draws that belong to no particular agent. */
  readonly rng: Rng;
  steps = 0;
  /** Set false to stop `run()` without a step limit. */
  running = true;
  readonly events = new EventLog();
  readonly agents = new AgentSet<object>();
  collector: DataCollector<any> = new DataCollector<any>({ model: {} });
  private phases: NamedPhase<this>[] = [];
  private clock: Clock | undefined;
  /** Cumulative time per phase (milliseconds), when a clock is set. */
  readonly phaseTimes = new Map<string, number>();
  /** The phase running now; undefined between steps and while the collector collects (profiles key time by it). */
  phase: string | undefined;
  private agentIds = 0;

  constructor(seed: number) {
    this.seed = seed;
    this.streams = new Streams(seed);
    this.rng = this.streams.derive('model');
  }

  /** A fresh agent id: 0, 1, 2… in the order asked, per model, so ids are the same in every run of the same seed. */
  nextAgentId(): number {
    return this.agentIds++;
  }

  /** Sets the ordered phases of a step. */
  setPhases(phases: NamedPhase<this>[] | Record<string, Phase<this>>): void {
    this.phases = Array.isArray(phases) ? phases : Object.entries(phases).map(([name, run]) => ({ name, run }));
  }

  /** The phase names in order. */
  phaseNames(): string[] {
    return this.phases.map((phase) => phase.name);
  }

  /** Declares what to collect; collects the initial state as step 0. */
  collect(spec: CollectorSpec<this>, { initial = true }: { initial?: boolean } = {}): void {
    this.collector = new DataCollector(spec);
    if (initial) this.collector.collect(this, this.steps);
  }

  /** Turns on per-phase timing with the given clock (e.g. performance.now). */
  profile(clock: Clock): void {
    this.clock = clock;
  }

  /** Runs every phase in order, advances the counter and collects. */
  step(): void {
    const clock = this.clock;
    for (const phase of this.phases) {
      this.phase = phase.name;
      if (clock) {
        const start = clock();
        phase.run(this);
        this.phaseTimes.set(phase.name, (this.phaseTimes.get(phase.name) ?? 0) + clock() - start);
      } else phase.run(this);
    }
    this.phase = undefined;
    this.steps++;
    this.collector.collect(this, this.steps);
  }

  /** Runs steps until the limit, `until`, or `running = false`. */
  run(options: RunOptions<this> = {}): this {
    const target = options.steps === undefined ? Infinity : this.steps + options.steps;
    while (this.running && this.steps < target) {
      if (options.until?.(this)) break;
      this.step();
      options.onStep?.(this);
    }
    return this;
  }

  /** Headline figures: the last collected row. */
  summary(): Record<string, number | string> {
    return { steps: this.steps, ...this.collector.last() };
  }
}
