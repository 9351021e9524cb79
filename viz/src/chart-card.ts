import { chartSVG, download, figureToSVG, fileNameFor, svgToPNG, type FigureText } from './export.js';
import { hoistPlotStyles, withStyle } from './plot-style.js';
import { RefreshQueue } from './refresh-queue.js';

/** Draws a chart at a width in pixels, or nothing when its data is not there yet. */
export type ChartRender = (width: number) => SVGSVGElement | HTMLElement | undefined;

// Plot redraws whole charts, so charts refresh a few times a second, one chart per
// animation frame, never all in the same frame: a refresh never blocks the page for long.
// Charts out of view refresh rarely (they are brought up to date as they scroll into view).
const REFRESH_INTERVAL_MS = 400;
const HIDDEN_REFRESH_INTERVAL_MS = 2000;
const queue = new RefreshQueue<ChartCard>();

// Card widths come from one observer, after the browser's own layout: reading clientWidth while
// drawing would force a layout in the middle of the frame (the map and counter have just changed).
const cardOf = new WeakMap<Element, ChartCard>();
// A card taken off the page stops being watched (so old cards can be collected) until it draws again.
const resizes = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver((entries) => {
  for (const entry of entries) {
    const card = cardOf.get(entry.target);
    if (!entry.target.isConnected) card?.unwatch();
    else card?.resized(Math.round(entry.contentRect.width));
  }
});
const sightings = typeof IntersectionObserver === 'undefined' ? undefined : new IntersectionObserver((entries) => {
  for (const entry of entries) {
    const card = cardOf.get(entry.target);
    if (!card || !entry.target.isConnected) continue;
    card.inView = entry.isIntersecting;
    if (card.inView) queue.wake();
  }
}, { rootMargin: '200px' });

/** A chart in a card: its title, subtitle and caption, SVG and PNG export, throttled refresh. */
export class ChartCard {
  readonly element: HTMLElement;
  lastRefresh = -Infinity;
  /** Whether the card is on screen (or nearly): cards out of view refresh less often. */
  inView = true;
  private readonly body: HTMLElement;
  private readonly subtitleElement: HTMLElement;
  private readonly captionElement: HTMLElement;
  private chart: SVGSVGElement | HTMLElement | undefined;
  private chartStyle = '';
  private width = 0;
  private drawnWidth = 0;
  private watched = false;

  constructor(readonly id: string, readonly text: FigureText, private readonly render: ChartRender) {
    this.element = document.createElement('section');
    this.element.className = 'chart-card';
    this.element.dataset.chart = id;
    const header = document.createElement('header');
    const title = document.createElement('h3');
    title.textContent = text.title;
    this.subtitleElement = document.createElement('p');
    this.subtitleElement.className = 'subtitle';
    const buttons = document.createElement('span');
    buttons.className = 'export-buttons';
    buttons.append(this.button('SVG', () => this.exportSVG()), this.button('PNG', () => void this.exportPNG()));
    header.append(title, buttons, this.subtitleElement);
    this.body = document.createElement('div');
    this.body.className = 'chart-body';
    this.captionElement = document.createElement('p');
    this.captionElement.className = 'caption';
    this.element.append(header, this.body, this.captionElement);
    this.setWords(text.subtitle, text.caption);
    cardOf.set(this.body, this);
    cardOf.set(this.element, this);
    this.watch();
  }

  /** Stops watching the card's size and visibility (it has left the page). */
  unwatch(): void {
    this.watched = false;
    this.inView = true;
    resizes?.unobserve(this.body);
    sightings?.unobserve(this.element);
  }

  private watch(): void {
    if (this.watched) return;
    this.watched = true;
    resizes?.observe(this.body);
    sightings?.observe(this.element);
  }

  /** The shortest time between two redraws. */
  get refreshInterval(): number {
    return this.inView ? REFRESH_INTERVAL_MS : HIDDEN_REFRESH_INTERVAL_MS;
  }

  /** Takes the body's new width (from the shared observer) and redraws soon if the chart no longer fits it. */
  resized(width: number): void {
    this.width = width;
    if (this.chart && width > 0 && width !== this.drawnWidth) this.invalidate();
  }

  /** Changes the subtitle and caption (they often say what is interesting right now). */
  setWords(subtitle?: string, caption?: string): void {
    this.text.subtitle = subtitle;
    this.text.caption = caption;
    this.subtitleElement.textContent = subtitle ?? '';
    this.captionElement.textContent = caption ?? '';
  }

  /** Asks for a redraw soon (at most a few times a second). */
  invalidate(): void {
    queue.add(this);
  }

  /** Redraws now. */
  refresh(): void {
    const start = (this.lastRefresh = performance.now());
    this.watch();
    // Charts fill their card: on a projector every pixel of width counts. The width is measured
    // only before the observer has reported (a card just built).
    const measured = this.width || this.body.clientWidth;
    this.drawnWidth = measured;
    const chart = this.render(Math.max(260, Math.min(900, measured || 460)));
    this.chart = chart;
    if (chart) this.chartStyle = hoistPlotStyles(chart);
    this.body.replaceChildren(...(chart ? [chart] : []));
    // Shows up in the browser's performance panel, one entry per redraw.
    performance.measure(`chart ${this.id}`, { start });
  }

  /** The chart as a standalone SVG document, or undefined before the first draw. */
  svgText(): string | undefined {
    const svg = this.chart && chartSVG(this.chart);
    return svg && figureToSVG(withStyle(svg, this.chartStyle), this.text);
  }

  private exportSVG(): void {
    const text = this.svgText();
    if (text) download(fileNameFor(this.text.title, 'svg'), text, 'image/svg+xml');
  }

  private async exportPNG(): Promise<void> {
    const text = this.svgText();
    if (text) download(fileNameFor(this.text.title, 'png'), await svgToPNG(text));
  }

  private button(label: string, action: () => void): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'small';
    button.textContent = label;
    button.setAttribute('aria-label', `Export “${this.text.title}” as ${label}`);
    button.addEventListener('click', action);
    return button;
  }
}
