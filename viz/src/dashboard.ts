import { ChartCard } from './chart-card.js';
import { differenceChart, histogramChart, lineChart, lorenzChart, policyMixChart } from './charts.js';
import { distributionOf } from './distribution.js';
import type { FrameState } from './frame-store.js';
import { defaultMetrics, metricTitle } from './metric-names.js';
import type { MetricsTable } from './run-folder.js';
import type { KeyMoment } from './story.js';

/** One run as the charts see it (a live run, a recorded one, or one side of a comparison). */
export interface SideView {
  label: string;
  colour: string;
  table(): MetricsTable | undefined;
  /** The frame state at a step (latest when undefined), for the distribution charts. */
  stateAt(step: number | undefined): FrameState | undefined;
}

/**
 * The charts of one run or two: a line chart per chosen metric (A and B overlaid), the
 * policy mix, Lorenz curve and wealth histogram at the current step, and in a comparison the
 * difference B − A for each metric. Cards refresh a few times a second, one at a time.
 */
export class Dashboard {
  readonly element: HTMLElement;
  /** The step the charts stand at; undefined follows the latest. */
  now: number | undefined;
  moments: KeyMoment[] = [];
  chosen: string[] = [];
  private cards: ChartCard[] = [];
  private readonly picker: HTMLElement;
  private readonly grid: HTMLElement;
  private names: string[] = [];
  private builtWithDistribution = false;

  constructor(private readonly sides: SideView[], private readonly totalSteps: () => number) {
    this.element = document.createElement('div');
    this.element.className = 'dashboard';
    this.picker = document.createElement('details');
    this.picker.className = 'metric-picker';
    this.grid = document.createElement('div');
    this.grid.className = 'chart-grid';
    this.element.append(this.picker, this.grid);
  }

  /** Sets the metrics the run has and builds the cards (keeping the user's choice when still valid). */
  setMetrics(names: string[]): void {
    this.names = names.filter((name) => name !== 'step');
    const kept = this.chosen.filter((name) => this.names.includes(name));
    this.chosen = kept.length > 0 ? kept : defaultMetrics(this.names);
    this.buildPicker();
    this.buildCards();
  }

  /** Marks every chart for a redraw soon (rebuilding the cards when a distribution appears or goes). */
  invalidate(): void {
    if (this.hasDistribution() !== this.builtWithDistribution) this.buildCards();
    for (const card of this.cards) card.invalidate();
  }

  /** The cards, for export and tests. */
  get charts(): ChartCard[] {
    return this.cards;
  }

  private buildPicker(): void {
    const summary = document.createElement('summary');
    summary.textContent = 'Choose metrics to chart';
    const boxes = this.names.map((name) => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = this.chosen.includes(name);
      box.addEventListener('change', () => {
        this.chosen = box.checked ? [...this.chosen, name] : this.chosen.filter((other) => other !== name);
        this.buildCards();
      });
      label.append(box, ` ${metricTitle(name)}`);
      return label;
    });
    this.picker.replaceChildren(summary, ...boxes);
  }

  private buildCards(): void {
    const cards: ChartCard[] = this.chosen.map((name) => this.metricCard(name));
    if (this.names.includes('share_mutualist') && this.names.includes('share_communist')) {
      for (const side of this.sides) cards.push(this.policyCard(side));
    }
    this.builtWithDistribution = this.hasDistribution();
    if (this.builtWithDistribution) cards.push(this.lorenzCard(), this.histogramCard(this.sides[0]!));
    if (this.sides.length === 2) for (const name of this.chosen) cards.push(this.differenceCard(name));
    this.cards = cards;
    this.grid.replaceChildren(...cards.map((card) => card.element));
    // Queued, not drawn here: drawing every card at once held the page for a long task at setup.
    for (const card of cards) card.invalidate();
  }

  private hasDistribution(): boolean {
    return this.sides.some((side) => distributionOf(side.stateAt(this.now)) !== undefined);
  }

  private xDomain(): [number, number] {
    return [0, Math.max(1, this.totalSteps())];
  }

  private metricCard(name: string): ChartCard {
    const title = metricTitle(name);
    return new ChartCard(`metric-${name}`, { title, subtitle: this.sides.length === 2 ? `${this.sides[0]!.label} and ${this.sides[1]!.label}, same seed` : undefined }, (width) => {
      const series = this.sides.flatMap((side) => {
        const table = side.table();
        const x = table?.columns.step;
        const y = table?.columns[name];
        return x && y ? [{ label: this.sides.length === 2 ? side.label : '', colour: side.colour, x, y }] : [];
      });
      if (series.length === 0) return undefined;
      return lineChart({ title, description: `${title} over time for ${series.map((s) => s.label || 'this run').join(' and ')}.`, series, xDomain: this.xDomain(), now: this.now, moments: this.moments, width });
    });
  }

  private policyCard(side: SideView): ChartCard {
    const title = this.sides.length === 2 ? `Policy mix: ${side.label}` : 'Policy mix';
    return new ChartCard(`policy-${side.label}`, { title, subtitle: 'Share of communities by sharing policy' }, (width) => {
      const table = side.table();
      if (!table) return undefined;
      const { step, share_mutualist: mutualist, share_communist: communist } = table.columns;
      return policyMixChart(step!, mutualist!, communist!, this.xDomain(), { title, description: 'Stacked shares of mutualist, hybrid and communist communities over time.', width }, this.now);
    });
  }

  private lorenzCard(): ChartCard {
    return new ChartCard('lorenz', { title: 'Lorenz curve of wealth', subtitle: 'The further below the diagonal, the more unequal' }, (width) => {
      const curves = this.sides.flatMap((side) => {
        const d = distributionOf(side.stateAt(this.now));
        return d ? [{ label: this.sides.length === 2 ? side.label : '', colour: side.colour, x: d.lorenzX, y: d.lorenzY, gini: d.gini }] : [];
      });
      return curves.length ? lorenzChart(curves, { title: 'Lorenz curve', width: Math.min(width, 260), description: `Lorenz curves of wealth for ${curves.map((c) => c.label).join(' and ')} at the current step.` }) : undefined;
    });
  }

  private histogramCard(side: SideView): ChartCard {
    const title = this.sides.length === 2 ? `Wealth histogram: ${side.label}` : 'Wealth histogram';
    return new ChartCard('histogram', { title, subtitle: 'People by wealth, now' }, (width) => {
      const d = distributionOf(side.stateAt(this.now));
      return d ? histogramChart(d.edges, d.counts, { title, width, description: 'Number of people in each band of wealth at the current step.' }) : undefined;
    });
  }

  private differenceCard(name: string): ChartCard {
    const [a, b] = this.sides as [SideView, SideView];
    const title = `Δ ${metricTitle(name)} (${b.label} − ${a.label})`;
    return new ChartCard(`difference-${name}`, { title, subtitle: 'Blue where B is higher, red where lower' }, (width) => {
      const ta = a.table();
      const tb = b.table();
      if (!ta || !tb || !ta.columns[name] || !tb.columns[name]) return undefined;
      const rows = Math.min(ta.rows, tb.rows);
      return differenceChart(ta.columns.step!.subarray(0, rows), ta.columns[name]!.subarray(0, rows), tb.columns[name]!.subarray(0, rows), this.xDomain(), { title, width, description: `Difference in ${metricTitle(name)} between ${b.label} and ${a.label} over time.` });
    });
  }
}
