import type { SimEvent } from '../../sim/events.js';
import { Dashboard } from './dashboard.js';
import { el } from './dom.js';
import { MapPanel } from './map-panel.js';
import { SIDE_COLOURS } from './palette.js';
import { readRunFolder, type RunFolder } from './run-folder.js';
import { RunSession } from './session.js';
import { StoryPanel } from './story-panel.js';
import { Timeline } from './timeline.js';

/** The scenario a run folder's manifest records, as scenario-file text, when it records one. */
export function scenarioFromManifest(manifest: Record<string, unknown>): string | undefined {
  const source = (typeof manifest.scenario === 'object' && manifest.scenario !== null ? manifest.scenario : manifest) as Record<string, unknown>;
  if (typeof source.model !== 'string' || typeof source.params !== 'object') return undefined;
  const { model, name, description, seed, steps, params } = source;
  return JSON.stringify({ model, name, description, seed, steps, params });
}

/**
 * Replay mode: a run folder from the CLI (served by `polycentric view`, or dropped on the page).
 * Charts, timeline and story come from its files; the map comes from re-running the recorded
 * scenario and seed in the worker — the model is deterministic, so it is the same run.
 */
export class ReplayView {
  readonly element: HTMLElement;
  readonly mapPanel = new MapPanel('Map of the replayed run at the scrubbed step');
  readonly dashboard: Dashboard;
  readonly timeline: Timeline;
  readonly story = new StoryPanel();
  readonly scrubber = el('input', { id: 'scrub', type: 'range', min: '0', max: '0', value: '0', 'aria-label': 'Scrub through the run' });
  readonly heading = el('h2', { class: 'replay-title' }, 'Replay a run');
  readonly status = el('p', { class: 'message', role: 'status' }, 'Drop a run folder here, or choose one (it holds metrics.csv, events.ndjson and manifest.json).');
  private run?: RunFolder;
  private session?: RunSession;
  private now = 0;
  private drawRequested = false;

  constructor() {
    const side = { label: 'run', colour: SIDE_COLOURS.A, table: () => this.run?.metrics, stateAt: (step: number | undefined) => this.session?.frames.at(step ?? this.now) };
    this.dashboard = new Dashboard([side], () => this.totalSteps());
    this.timeline = new Timeline({ events: () => this.run?.events ?? [], totalSteps: () => this.totalSteps(), now: () => this.now });
    this.timeline.onSeek = (step) => this.seek(step);
    this.story.onSeek = (step) => this.seek(step);
    this.scrubber.addEventListener('input', () => this.seek(Number(this.scrubber.value)));
    const picker = el('input', { type: 'file', id: 'run-files', multiple: '', webkitdirectory: '', 'aria-label': 'Choose a run folder' });
    picker.addEventListener('change', () => void this.openFiles([...(picker.files ?? [])]));
    this.element = el('div', { class: 'replay-view' },
      el('div', { class: 'run-controls' }, this.heading, el('label', { class: 'scrub' }, 'step ', this.scrubber), el('output', { id: 'replay-step' }, '0'), picker),
      this.status,
      el('div', { class: 'stage' }, this.mapPanel.element, this.dashboard.element),
      this.timeline.card.element,
      this.story.element,
    );
    this.element.addEventListener('dragover', (event) => event.preventDefault());
    this.element.addEventListener('drop', (event) => {
      event.preventDefault();
      void this.openFiles([...(event.dataTransfer?.files ?? [])]);
    });
  }

  /** Opens a run folder served at a URL path (e.g. `run/`). */
  async openURL(base: string): Promise<void> {
    const prefix = base.endsWith('/') ? base : base + '/';
    await this.open(async (name) => {
      const response = await fetch(prefix + name);
      return response.ok ? response.text() : undefined;
    }, prefix);
  }

  /** Opens dropped or chosen files (a run folder's files, matched by name). */
  async openFiles(files: File[]): Promise<void> {
    const byName = new Map(files.map((file) => [file.name, file]));
    await this.open(async (name) => byName.get(name)?.text(), files[0]?.webkitRelativePath.split('/')[0] ?? 'dropped files');
  }

  private async open(read: (name: string) => Promise<string | undefined>, label: string): Promise<void> {
    try {
      this.run = await readRunFolder(read);
    } catch (error) {
      this.status.textContent = `Could not open ${label}: ${(error as Error).message}`;
      this.status.classList.add('error');
      return;
    }
    const manifest = this.run.manifest;
    const name = String((manifest.scenario as Record<string, unknown> | undefined)?.name ?? manifest.name ?? label);
    this.heading.textContent = `Replay: ${name}`;
    this.status.textContent = `${this.run.metrics.rows} rows of metrics and ${this.run.events.length} events from ${label}.`;
    this.status.classList.remove('error');
    this.scrubber.max = String(this.totalSteps());
    this.dashboard.setMetrics(this.run.metrics.names);
    this.seek(this.totalSteps());
    this.story.update({ name, model: String((manifest.scenario as Record<string, unknown> | undefined)?.model ?? manifest.model ?? 'unknown'), seed: Number((manifest.scenario as Record<string, unknown> | undefined)?.seed ?? manifest.seed ?? 0) }, this.run.metrics, this.run.events);
    this.rerun(manifest);
  }

  /** The last step in the metrics. */
  totalSteps(): number {
    const steps = this.run?.metrics.columns.step;
    return steps && steps.length ? steps[steps.length - 1]! : 1;
  }

  /** The events, for export. */
  events(): SimEvent[] {
    return this.run?.events ?? [];
  }

  /** Moves map, charts and timeline to a step. */
  seek(step: number): void {
    this.now = Math.max(0, Math.min(this.totalSteps(), step));
    this.scrubber.value = String(this.now);
    (this.element.querySelector('#replay-step') as HTMLElement).textContent = String(this.now);
    this.dashboard.now = this.now;
    this.requestDraw();
  }

  private rerun(manifest: Record<string, unknown>): void {
    this.session?.close();
    this.session = undefined;
    const text = scenarioFromManifest(manifest);
    if (!text) return;
    const session = new RunSession(false);
    this.session = session;
    session.onReady = (info) => {
      this.mapPanel.map.setWorld(info.land, info.grid);
      session.speed(50);
      session.play();
    };
    session.onFrame = () => {
      if (session.frames.size === 1) this.mapPanel.map.fitRadius(session.communitiesAt(0));
      if (session.latestStep === this.now || session.done) this.requestDraw();
    };
    session.onError = (message) => (this.status.textContent += ` (The map is not available: ${message})`);
    session.setup({ file: 'replay.json', texts: { 'replay.json': text } });
  }

  private requestDraw(): void {
    if (this.drawRequested) return;
    this.drawRequested = true;
    requestAnimationFrame(() => {
      this.drawRequested = false;
      const communities = this.session?.communitiesAt(this.now) ?? [];
      this.mapPanel.map.update(this.session?.frames.at(this.now) ?? {}, communities);
      this.mapPanel.refreshVisibility(communities.length > 0);
      this.dashboard.moments = this.story.moments;
      this.dashboard.invalidate();
      this.timeline.card.invalidate();
    });
  }
}
