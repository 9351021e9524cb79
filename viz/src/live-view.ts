import { communityPanel } from './community-panel.js';
import type { CommunityDatum } from './communities.js';
import { paramControls } from './controls.js';
import { Dashboard } from './dashboard.js';
import { el } from './dom.js';
import { MapPanel } from './map-panel.js';
import { SIDE_COLOURS } from './palette.js';
import { RunControls, type Runnable } from './run-controls.js';
import { SCENARIO_TEXTS } from './scenarios.js';
import { RunSession } from './session.js';
import { StoryPanel } from './story-panel.js';
import { Timeline } from './timeline.js';

// The story is rewritten at most this often while a run plays.
const STORY_INTERVAL_MS = 600;

/** Settings a live run is built from: the scenario file, the seed, and `--set`-style changes. */
export interface LiveSettings {
  file: string;
  seed?: number;
  set: string[];
}

/**
 * Live mode: one run in a worker, drawn on animation frames — map, charts, timeline, story,
 * and the parameters as controls. Structural changes (any parameter, the seed) build a new world.
 */
export class LiveView implements Runnable {
  readonly element: HTMLElement;
  readonly session = new RunSession();
  readonly controls: RunControls;
  readonly mapPanel = new MapPanel('Map: terrain, watersheds and communities (circle area = population, colour = sharing)');
  readonly dashboard: Dashboard;
  readonly timeline: Timeline;
  readonly story = new StoryPanel();
  readonly paramsSlot = el('div', { class: 'params-slot' });
  readonly message = el('p', { class: 'message', role: 'status' });
  /** Called after each setup with the settings in force (for the shareable link). */
  onSettings: (settings: LiveSettings) => void = () => {};
  /** The first parameters listed (a lesson's setting, then the scenario's own). */
  focusParams: string[] = [];
  viewStep: number | undefined;
  private drawRequested = false;
  private lastStory = -Infinity;
  private selected?: number;

  constructor(public settings: LiveSettings) {
    this.controls = new RunControls(this);
    const side = { label: 'this run', colour: SIDE_COLOURS.A, table: () => this.session.history?.table(), stateAt: (step: number | undefined) => this.stateAt(step) };
    this.dashboard = new Dashboard([side], () => this.session.info?.totalSteps ?? 1);
    this.timeline = new Timeline({ events: () => this.session.events, totalSteps: () => this.session.info?.totalSteps ?? 1, now: () => this.viewStep ?? this.session.latestStep });
    this.timeline.onSeek = (step) => this.seek(step);
    this.story.onSeek = (step) => this.seek(step);
    this.mapPanel.map.onSelect = (community) => this.select(community.id);
    this.mapPanel.onOverlay = (serviceFunction) => this.session.overlay(serviceFunction);
    this.session.onReady = () => this.ready();
    this.session.onFrame = () => this.requestDraw();
    this.session.onError = (message) => this.showError(message);
    this.element = el('div', { class: 'live-view' },
      this.controls.element,
      this.message,
      el('div', { class: 'stage' }, this.mapPanel.element, this.dashboard.element),
      this.timeline.card.element,
      this.story.element,
      el('section', { class: 'settings' }, el('h2', {}, 'Settings'), el('p', { class: 'hint' }, 'Every change builds a fresh world with the same seed, so you see the effect of that one change.'), this.paramsSlot),
    );
  }

  /** Builds a fresh world from the current settings. */
  setup(): void {
    this.message.textContent = '';
    this.viewStep = undefined;
    this.selected = undefined;
    this.mapPanel.detail.replaceChildren();
    this.session.setup({ file: this.settings.file, texts: SCENARIO_TEXTS, seed: this.settings.seed, set: this.settings.set });
  }

  togglePlay(): void {
    if (this.session.playing) this.session.pause();
    else {
      if (this.session.done) return;
      this.viewStep = undefined;
      this.session.play();
    }
    this.requestDraw();
  }

  stepOnce(): void {
    this.viewStep = undefined;
    this.session.step();
  }

  setSpeed(value: number): void {
    this.session.speed(value);
  }

  setSeed(seed: number): void {
    this.settings = { ...this.settings, seed };
    this.setup();
  }

  /** Changes one parameter (as `--set params.name=value`) and builds a fresh world. */
  setParam(name: string, value: number | boolean | string): void {
    const set = this.settings.set.filter((assignment) => !assignment.startsWith(`params.${name}=`));
    this.settings = { ...this.settings, set: [...set, `params.${name}=${value}`] };
    this.setup();
  }

  /** Moves the view (map, charts, timeline) to a step already run; the run itself pauses there. */
  seek(step: number): void {
    if (this.session.playing) this.session.pause();
    this.viewStep = step >= this.session.latestStep ? undefined : step;
    this.requestDraw();
  }

  private stateAt(step: number | undefined) {
    return step === undefined ? this.session.latest : this.session.frames.at(step);
  }

  private ready(): void {
    const info = this.session.info!;
    this.settings = { ...this.settings, seed: info.seed };
    this.controls.seedInput.value = String(info.seed);
    this.mapPanel.map.setWorld(info.land, info.grid);
    this.dashboard.setMetrics(info.metricNames);
    const scenarioParams = Object.keys((JSON.parse(SCENARIO_TEXTS[info.file] ?? '{}') as { params?: object }).params ?? {});
    const first = [...new Set([...this.focusParams, ...scenarioParams])];
    this.paramsSlot.replaceChildren(paramControls(info.paramTable, info.params, first, (name, value) => this.setParam(name, value)));
    this.onSettings(this.settings);
  }

  private requestDraw(): void {
    if (this.drawRequested) return;
    this.drawRequested = true;
    requestAnimationFrame(() => this.draw());
  }

  private draw(): void {
    this.drawRequested = false;
    const session = this.session;
    const info = session.info;
    if (!info) return;
    const start = performance.now();
    const step = this.viewStep ?? session.latestStep;
    this.controls.show(step, info.totalSteps, session.playing, session.stepsPerSecond);
    const communities = session.communitiesAt(this.viewStep);
    if (session.latestStep === 0 || (session.frames.size === 1 && communities.length)) this.mapPanel.map.fitRadius(communities);
    this.mapPanel.map.update(this.stateAt(this.viewStep) ?? {}, communities);
    this.mapPanel.refreshVisibility(communities.length > 0);
    this.mapPanel.setServiceFunctions(session.serviceFunctions);
    this.dashboard.now = this.viewStep;
    this.dashboard.moments = this.story.moments;
    this.dashboard.invalidate();
    this.timeline.card.invalidate();
    const now = performance.now();
    if (now - this.lastStory > STORY_INTERVAL_MS || !session.playing) {
      this.lastStory = now;
      this.story.update({ name: info.name, model: info.model, seed: info.seed }, session.history!.table(), session.events);
      if (this.selected !== undefined) this.showCommunity(communities.find((c) => c.id === this.selected));
    }
    performance.measure('live frame', { start });
  }

  private select(id: number): void {
    this.selected = id;
    this.session.focus(id);
    this.showCommunity(this.session.communitiesAt(this.viewStep).find((c) => c.id === id));
  }

  private showCommunity(community: CommunityDatum | undefined): void {
    if (!community) return;
    const close = () => {
      this.selected = undefined;
      this.session.focus(undefined);
      this.mapPanel.detail.replaceChildren();
    };
    const state = this.stateAt(this.viewStep);
    const members = state?.['focus.edges'] && state['focus.counts'] ? { edges: state['focus.edges'], counts: state['focus.counts'] } : undefined;
    this.mapPanel.detail.replaceChildren(communityPanel(community, this.session.communityHistories.get(community.id), this.session.events, close, members));
  }

  private showError(message: string): void {
    this.message.textContent = `The run stopped: ${message}`;
    this.message.classList.add('error');
    this.requestDraw();
  }
}
