import { Dashboard } from './dashboard.js';
import { el } from './dom.js';
import { MapPanel } from './map-panel.js';
import { SIDE_COLOURS } from './palette.js';
import { RunControls, type Runnable } from './run-controls.js';
import { SCENARIO_TEXTS, type ScenarioEntry } from './scenarios.js';
import { RunSession } from './session.js';
import { StoryPanel } from './story-panel.js';
import { Timeline } from './timeline.js';

type SideName = 'A' | 'B';

interface Side {
  name: SideName;
  file: string;
  session: RunSession;
  panel: MapPanel;
  timeline: Timeline;
  story: StoryPanel;
  select: HTMLSelectElement;
}

/**
 * Compare mode: two scenarios with the same seed, each in its own worker, driven by one set
 * of controls — maps side by side with linked hover and one size scale, charts overlaid
 * (A and B on shared axes) and the difference B − A drawn explicitly.
 */
export class CompareView implements Runnable {
  readonly element: HTMLElement;
  readonly controls: RunControls;
  readonly dashboard: Dashboard;
  readonly sides: [Side, Side];
  onSettings: (a: string, b: string, seed: number | undefined) => void = () => {};
  private seed: number | undefined;
  private drawRequested = false;
  private lastStory = -Infinity;

  constructor(entries: ScenarioEntry[], fileA: string, fileB: string, seed?: number) {
    this.seed = seed;
    this.controls = new RunControls(this);
    this.sides = [this.makeSide('A', entries, fileA), this.makeSide('B', entries, fileB)];
    const view = (side: Side) => ({ label: side.name, colour: SIDE_COLOURS[side.name], table: () => side.session.history?.table(), stateAt: (step: number | undefined) => (step === undefined ? side.session.latest : side.session.frames.at(step)) });
    this.dashboard = new Dashboard(this.sides.map(view), () => Math.max(...this.sides.map((side) => side.session.info?.totalSteps ?? 1)));
    const [a, b] = this.sides;
    a.panel.map.onHover = (community) => b.panel.map.highlight(community?.id);
    b.panel.map.onHover = (community) => a.panel.map.highlight(community?.id);
    this.element = el('div', { class: 'compare-view' },
      this.controls.element,
      el('div', { class: 'pickers' }, ...this.sides.map((side) => el('label', { class: `side side-${side.name}` }, `${side.name} = `, side.select))),
      el('div', { class: 'maps' }, a.panel.element, b.panel.element),
      this.dashboard.element,
      a.timeline.card.element,
      b.timeline.card.element,
      el('div', { class: 'stories' }, a.story.element, b.story.element),
    );
  }

  private makeSide(name: SideName, entries: ScenarioEntry[], file: string): Side {
    const select = el('select', { id: `compare-${name}`, 'aria-label': `Scenario ${name}` });
    for (const entry of entries) select.add(new Option(entry.name, entry.file, false, entry.file === file));
    const session = new RunSession();
    const side: Side = { name, file, session, select, panel: new MapPanel(`Map of scenario ${name}`, `${name}`), timeline: undefined!, story: new StoryPanel() };
    side.timeline = new Timeline({ events: () => session.events, totalSteps: () => Math.max(...this.sides.map((s) => s.session.info?.totalSteps ?? 1)), now: () => session.latestStep }, `Events in ${name}`);
    select.addEventListener('change', () => {
      side.file = select.value;
      this.setup();
    });
    session.onReady = (info) => {
      side.panel.map.setWorld(info.land, info.grid);
      side.panel.element.querySelector('.side-title')!.textContent = `${name} = ${info.name}`;
      if (this.sides.every((s) => s.session.info)) this.dashboard.setMetrics(this.sides[0].session.info!.metricNames);
      this.controls.seedInput.value = String(info.seed);
    };
    session.onFrame = () => this.requestDraw();
    side.panel.onOverlay = (serviceFunction) => session.overlay(serviceFunction);
    return side;
  }

  /** Builds both worlds afresh with the same seed. */
  setup(): void {
    for (const side of this.sides) side.session.setup({ file: side.file, texts: SCENARIO_TEXTS, seed: this.seed });
    this.onSettings(this.sides[0].file, this.sides[1].file, this.seed);
  }

  togglePlay(): void {
    const playing = this.sides.some((side) => side.session.playing);
    for (const side of this.sides) playing ? side.session.pause() : side.session.play();
    this.requestDraw();
  }

  stepOnce(): void {
    for (const side of this.sides) side.session.step();
  }

  setSpeed(value: number): void {
    for (const side of this.sides) side.session.speed(value);
  }

  setSeed(seed: number): void {
    this.seed = seed;
    this.setup();
  }

  /** Ends both workers. */
  close(): void {
    for (const side of this.sides) side.session.close();
  }

  private requestDraw(): void {
    if (this.drawRequested) return;
    this.drawRequested = true;
    requestAnimationFrame(() => this.draw());
  }

  private draw(): void {
    this.drawRequested = false;
    const [a, b] = this.sides;
    const step = Math.min(a.session.latestStep, b.session.latestStep);
    const total = Math.max(a.session.info?.totalSteps ?? 0, b.session.info?.totalSteps ?? 0);
    this.controls.show(step, total, a.session.playing || b.session.playing, Math.min(a.session.stepsPerSecond, b.session.stepsPerSecond));
    const now = performance.now();
    for (const side of this.sides) {
      const communities = side.session.communitiesAt();
      if (side.session.frames.size === 1 && side === a) a.panel.map.fitRadius(communities);
      side.panel.map.radius = a.panel.map.radius;
      side.panel.map.update(side.session.latest ?? {}, communities);
      side.panel.refreshVisibility(communities.length > 0);
      side.panel.setServiceFunctions(side.session.serviceFunctions);
      side.timeline.card.invalidate();
      const info = side.session.info;
      if (info && side.session.history && (!side.session.playing || now - this.lastStory > 600)) side.story.update({ name: `${side.name}: ${info.name}`, model: info.model, seed: info.seed }, side.session.history.table(), side.session.events);
    }
    if (now - this.lastStory > 600) this.lastStory = now;
    this.dashboard.invalidate();
  }
}
