import * as Plot from '@observablehq/plot';
import type { SimEvent } from '../../sim/events.js';
import { ChartCard } from './chart-card.js';
import { seriesColour } from './palette.js';

/** Events grouped by type and step: one tick per pair, however many events it holds. */
export interface EventTick {
  type: string;
  step: number;
  count: number;
}

/** Groups events into ticks (sorted by type, then step), so thousands of events draw as few marks. */
export function eventTicks(events: SimEvent[]): EventTick[] {
  const byKey = new Map<string, EventTick>();
  for (const event of events) {
    const key = `${event.type}\u0000${event.step}`;
    const tick = byKey.get(key);
    if (tick) tick.count++;
    else byKey.set(key, { type: event.type, step: event.step, count: 1 });
  }
  return [...byKey.values()].sort((a, b) => a.type.localeCompare(b.type) || a.step - b.step);
}

/** What the timeline needs each time it draws. */
export interface TimelineSource {
  events(): SimEvent[];
  totalSteps(): number;
  now(): number | undefined;
}

/**
 * The event strip: one row per event type, a tick per step with events, a "now" line.
 * Clicking (or Enter on the focused strip, then arrows) moves time there through `onSeek`.
 */
export class Timeline {
  readonly card: ChartCard;
  onSeek: (step: number) => void = () => {};
  private chart?: SVGSVGElement & { scale?: (name: string) => { invert?: (value: number) => number } | undefined };

  constructor(private readonly source: TimelineSource, title = 'Events') {
    this.card = new ChartCard('timeline', { title, subtitle: 'One row per kind of event; click or use ← → to move time there.' }, (width) => this.render(width));
    this.card.element.classList.add('timeline');
    this.card.element.tabIndex = 0;
    this.card.element.setAttribute('aria-label', 'Event timeline: left and right arrows move time (shift: ten steps)');
    this.card.element.addEventListener('click', (event) => this.seekAt(event));
    this.card.element.addEventListener('keydown', (event) => this.seekByKey(event));
  }

  private render(width: number): SVGSVGElement | HTMLElement {
    const ticks = eventTicks(this.source.events());
    const types = [...new Set(ticks.map((tick) => tick.type))].sort();
    const now = this.source.now();
    const chart = Plot.plot({
      ariaLabel: 'Events over time',
      ariaDescription: `${ticks.length} steps with events, of ${types.length} kinds: ${types.join(', ') || 'none yet'}.`,
      width,
      height: 34 + Math.max(1, types.length) * 18,
      marginLeft: 120,
      style: { fontSize: '12px', background: 'transparent' },
      x: { domain: [0, this.source.totalSteps()], label: 'step' },
      y: { domain: types.length ? types : ['(no events yet)'], label: null },
      color: { domain: types, range: types.map((_, i) => seriesColour(i)) },
      marks: [
        Plot.tickX(ticks, { x: 'step', y: 'type', stroke: 'type', strokeWidth: (t: EventTick) => Math.min(4, 1 + Math.log2(t.count)), title: (t: EventTick) => `${t.count} × ${t.type} at step ${t.step}` }),
        ...(now === undefined ? [] : [Plot.ruleX([now], { stroke: '#000', strokeWidth: 2 })]),
      ],
    }) as SVGSVGElement;
    this.chart = chart;
    return chart;
  }

  private seekAt(event: MouseEvent): void {
    const svg = this.chart;
    const x = svg?.scale?.('x');
    if (!svg || !x?.invert) return;
    const box = svg.getBoundingClientRect();
    const width = Number(svg.getAttribute('width')) || box.width;
    const step = x.invert(((event.clientX - box.left) / box.width) * width);
    if (Number.isFinite(step)) this.onSeek(Math.max(0, Math.min(this.source.totalSteps(), Math.round(step))));
  }

  private seekByKey(event: KeyboardEvent): void {
    const now = this.source.now() ?? 0;
    const delta = (event.shiftKey ? 10 : 1) * (event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0);
    if (delta === 0) return;
    event.preventDefault();
    this.onSeek(Math.max(0, Math.min(this.source.totalSteps(), now + delta)));
  }
}
