import type { Simulation } from '../../sim/model.js';
import { histogram, summariseDistribution } from './distribution.js';
import { packColumns, type FrameArray } from './frames.js';
import { readCommunities, readGrid, readMemberWealth, readResource, readSyndicates, readWealth, syndicateCells } from './probe.js';
import type { FrameMessage } from './protocol.js';

/**
 * A simulation being watched: runs steps within a time budget and cuts frames holding only
 * what changed since the last frame (metric rows, events) plus the current state (communities,
 * distribution). Kept apart from the Worker global so tests can drive it directly.
 */
export class LiveRun {
  private metricsSent = 0;
  private eventsSent = 0;
  private steppingMs = 0;
  private stepsTimed = 0;
  /** The community whose members' wealth frames carry, if any. */
  focus: number | undefined;
  /** The social function whose syndicate regions frames carry, if any. */
  overlay: string | undefined;

  constructor(
    readonly sim: Simulation,
    readonly totalSteps: number,
    private readonly clock: () => number,
  ) {}

  /** True once the run has reached its length, or the model has stopped by itself (`running` false). */
  get done(): boolean {
    return this.sim.steps >= this.totalSteps || this.sim.running === false;
  }

  /** Runs up to `maxSteps` steps, stopping early when `budgetMs` is spent or the run ends; returns steps run. */
  advance(maxSteps: number, budgetMs = Infinity): number {
    const start = this.clock();
    let ran = 0;
    while (ran < maxSteps && !this.done) {
      this.sim.step();
      ran++;
      if (this.clock() - start >= budgetMs) break;
    }
    this.steppingMs += this.clock() - start;
    this.stepsTimed += ran;
    return ran;
  }

  /** Steps per second of pure stepping time (waits and drawing excluded). */
  get stepsPerSecond(): number {
    return this.steppingMs > 0 ? (this.stepsTimed * 1000) / this.steppingMs : 0;
  }

  /** The next frame; `spare` is a buffer handed back by the page, reused when large enough. */
  frame(playing: boolean, spare?: ArrayBuffer): FrameMessage {
    const columns: Record<string, FrameArray> = {};
    const collector = this.sim.collector;
    columns['metric.step'] = collector.column('step').subarray(this.metricsSent);
    for (const name of collector.names) columns[`metric.${name}`] = collector.column(name).subarray(this.metricsSent);
    this.metricsSent = collector.rows;
    const communities = readCommunities(this.sim);
    if (communities) for (const [field, values] of Object.entries(communities)) columns[`community.${field}`] = values;
    const resource = readResource(this.sim);
    if (resource) columns['land.resource'] = resource;
    const grid = readGrid(this.sim);
    if (grid) columns['grid.cells'] = grid.cells;
    const wealth = readWealth(this.sim);
    let gini: number | undefined;
    if (wealth && wealth.length > 0) {
      const summary = summariseDistribution(wealth);
      gini = summary.gini;
      Object.assign(columns, {
        'lorenz.x': summary.lorenzX,
        'lorenz.y': summary.lorenzY,
        'lorenz.gini': new Float64Array([summary.gini]),
        'hist.edges': summary.histogram.edges,
        'hist.counts': summary.histogram.counts,
      });
    }
    const members = this.focus === undefined ? undefined : readMemberWealth(this.sim, this.focus);
    if (members && members.length > 0) {
      const bins = histogram(members, 12);
      columns['focus.edges'] = bins.edges;
      columns['focus.counts'] = bins.counts;
    }
    const syndicates = readSyndicates(this.sim);
    const serviceFunctions = syndicates && [...new Set(syndicates.map((s) => s.serviceFunction))].sort();
    const regions = this.overlay === undefined ? undefined : syndicateCells(this.sim, this.overlay);
    if (regions) columns['overlay.cells'] = regions;
    const events = this.sim.events.events.slice(this.eventsSent);
    this.eventsSent += events.length;
    const packed = packColumns(columns, spare);
    return { type: 'frame', step: this.sim.steps, totalSteps: this.totalSteps, playing, stepsPerSecond: this.stepsPerSecond, events, gini, serviceFunctions, packed };
  }
}
