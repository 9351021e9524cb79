import { chartSVG, download, figureToSVG, fileNameFor, svgToPNG, type FigureText } from './export.js';

/** Draws a chart at a width in pixels, or nothing when its data is not there yet. */
export type ChartRender = (width: number) => SVGSVGElement | HTMLElement | undefined;

// Plot redraws whole charts, so charts refresh a few times a second, one chart per
// animation frame, never all in the same frame: a refresh never blocks the page for long.
const REFRESH_INTERVAL_MS = 400;
// A chart waits for the next frame when the current one has already used this much time.
const FRAME_BUDGET_MS = 6;
const pending = new Set<ChartCard>();
let frameRequested = false;

function refreshNext(frameStart: number): void {
  frameRequested = false;
  const now = performance.now();
  if (now - frameStart > FRAME_BUDGET_MS) {
    requestRefresh();
    return;
  }
  for (const card of pending) {
    if (now - card.lastRefresh < REFRESH_INTERVAL_MS) continue;
    pending.delete(card);
    card.refresh();
    break;
  }
  if (pending.size > 0) requestRefresh();
}

function requestRefresh(): void {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(refreshNext);
}

/** A chart in a card: its title, subtitle and caption, SVG and PNG export, throttled refresh. */
export class ChartCard {
  readonly element: HTMLElement;
  lastRefresh = -Infinity;
  private readonly body: HTMLElement;
  private readonly subtitleElement: HTMLElement;
  private readonly captionElement: HTMLElement;
  private chart: SVGSVGElement | HTMLElement | undefined;

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
    pending.add(this);
    requestRefresh();
  }

  /** Redraws now. */
  refresh(): void {
    const start = (this.lastRefresh = performance.now());
    // Charts fill their card: on a projector every pixel of width counts.
    const chart = this.render(Math.max(260, Math.min(900, this.body.clientWidth || 460)));
    this.chart = chart;
    this.body.replaceChildren(...(chart ? [chart] : []));
    // Shows up in the browser's performance panel, one entry per redraw.
    performance.measure(`chart ${this.id}`, { start });
  }

  /** The chart as a standalone SVG document, or undefined before the first draw. */
  svgText(): string | undefined {
    const svg = this.chart && chartSVG(this.chart);
    return svg && figureToSVG(svg, this.text);
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
