import * as Plot from '@observablehq/plot';
import { POLICY_COLOURS } from './palette.js';
import { formatValue, type KeyMoment } from './story.js';

/** One line: its label (drawn at its end), colour and points. */
export interface Series {
  label: string;
  colour: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/** What every chart shares: words around it (shown by its card, kept in exports) and its size. */
export interface ChartText {
  title: string;
  subtitle?: string;
  caption?: string;
  /** Said by screen readers instead of the marks. */
  description: string;
  width?: number;
  height?: number;
}

/** A line chart's data and annotations. */
export interface LineChartOptions extends ChartText {
  series: Series[];
  /** Fixed to the run's length so the axis never jumps while a run grows. */
  xDomain: [number, number];
  /** The step the view stands at (drawn as a "now" line). */
  now?: number;
  moments?: KeyMoment[];
  yDomain?: [number, number];
}

/**
 * A y domain for values that barely vary (a conserved total, a zero difference), where an
 * automatic domain would zoom into rounding noise; undefined lets Plot choose.
 */
export function steadyDomain(values: Iterable<number>): [number, number] | undefined {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  if (low > high) return undefined;
  if (high - low > 1e-9 * Math.max(1, Math.abs(high))) return undefined;
  const pad = Math.max(1e-3, Math.abs(high) * 0.1);
  return [low - pad, high + pad];
}

type Point = { x: number; y: number; label: string; colour: string };

/** A chart is a few hundred pixels wide: more points than this only cost drawing time. */
export const MAX_POINTS = 300;

/**
 * The indices to draw of a series of n points: every k-th, plus the last, so at most about
 * `limit` points whatever the run's length (the latest value is always drawn).
 */
export function thinnedIndices(n: number, limit = MAX_POINTS): number[] {
  const stride = Math.max(1, Math.ceil(n / limit));
  const indices: number[] = [];
  for (let i = 0; i < n; i += stride) indices.push(i);
  if (n > 0 && indices[indices.length - 1] !== n - 1) indices.push(n - 1);
  return indices;
}

function pointsOf(series: Series[]): Point[] {
  const points: Point[] = [];
  for (const s of series) {
    for (const i of thinnedIndices(s.x.length)) if (Number.isFinite(s.y[i]!)) points.push({ x: s.x[i]!, y: s.y[i]!, label: s.label, colour: s.colour });
  }
  return points;
}

function momentMarks(moments: KeyMoment[] = []): Plot.Markish[] {
  // Numbers stagger downwards so moments close together stay readable.
  const numbered = moments.map((moment, index) => ({ ...moment, mark: String(index + 1), dy: index * 12 }));
  return [
    Plot.ruleX(numbered, { x: 'step', stroke: '#444', strokeDasharray: '2,3', strokeOpacity: 0.7 }),
    ...numbered.map((moment) => Plot.text([moment], { x: 'step', frameAnchor: 'top', text: 'mark', dy: moment.dy - 2, dx: 5, fontWeight: 'bold', fill: '#222', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' })),
  ];
}

/** Lines over steps, each labelled at its end with its latest value; "now" line and key moments optional. */
export function lineChart(options: LineChartOptions): SVGSVGElement | HTMLElement {
  const points = pointsOf(options.series);
  const marks: Plot.Markish[] = [Plot.gridY({ strokeOpacity: 0.08 })];
  marks.push(Plot.line(points, { x: 'x', y: 'y', z: 'label', stroke: 'colour', strokeWidth: 2 }));
  // End labels; the second series' label sits a line lower, so equal values stay readable.
  options.series.forEach((series, index) => {
    const own = points.filter((p) => p.label === series.label);
    const text = (p: Point) => (p.label ? `${p.label} ${formatValue(p.y)}` : formatValue(p.y));
    marks.push(Plot.text(own, Plot.selectLast({ x: 'x', y: 'y', z: null, fill: 'colour', text, textAnchor: 'start', dx: 5, dy: index * 13, fontWeight: 'bold' })));
  });
  marks.push(...momentMarks(options.moments));
  if (options.now !== undefined) marks.push(Plot.ruleX([options.now], { stroke: '#000', strokeWidth: 1.5 }));
  return Plot.plot({
    ariaLabel: options.title,
    ariaDescription: options.description,
    width: options.width ?? 460,
    height: options.height ?? 170,
    marginRight: options.series.length > 1 ? 72 : 56,
    marginLeft: 52,
    marginTop: 16,
    style: { fontSize: '12px', background: 'transparent' },
    x: { domain: options.xDomain, label: 'step' },
    y: { domain: options.yDomain ?? steadyDomain(points.map((p) => p.y)), label: null, nice: true, zero: false, tickFormat: formatValue },
    color: { type: 'identity' },
    marks,
  });
}

/** A Lorenz curve (or two overlaid), square, with the equality diagonal and the Gini in each label. */
export function lorenzChart(curves: { label: string; colour: string; x: ArrayLike<number>; y: ArrayLike<number>; gini: number }[], text: ChartText): SVGSVGElement | HTMLElement {
  const series = curves.map((c) => ({ label: `${c.label ? c.label + ': ' : ''}Gini ${formatValue(c.gini)}`, colour: c.colour, x: c.x, y: c.y }));
  const points = pointsOf(series);
  const size = text.width ?? 240;
  return Plot.plot({
    ariaLabel: text.title,
    ariaDescription: text.description,
    width: size,
    height: size,
    style: { fontSize: '12px', background: 'transparent' },
    x: { domain: [0, 1], label: 'share of people →' },
    y: { domain: [0, 1], label: '↑ share of wealth' },
    color: { type: 'identity', legend: false },
    marks: [
      Plot.line([[0, 0], [1, 1]], { stroke: '#bbb', strokeDasharray: '4,3' }),
      Plot.line(points, { x: 'x', y: 'y', z: 'label', stroke: 'colour', strokeWidth: 2 }),
      // Every curve ends at (1, 1): labels go one under another in the empty lower right.
      ...series.map((s, index) => Plot.text([s], { frameAnchor: 'bottom-right', text: 'label', fill: 'colour', dx: -4, dy: -4 - (series.length - 1 - index) * 14, fontWeight: 'bold' })),
      Plot.frame({ strokeOpacity: 0.15 }),
    ],
  });
}

/** Bars over equal-width bins of a distribution. */
export function histogramChart(edges: ArrayLike<number>, counts: ArrayLike<number>, text: ChartText): SVGSVGElement | HTMLElement {
  const bars = Array.from({ length: counts.length }, (_, b) => ({ x1: edges[b]!, x2: edges[b + 1]!, count: counts[b]! }));
  return Plot.plot({
    ariaLabel: text.title,
    ariaDescription: text.description,
    width: text.width ?? 240,
    height: text.height ?? 200,
    marginLeft: 52,
    style: { fontSize: '12px', background: 'transparent' },
    x: { label: 'wealth →' },
    y: { label: '↑ people', grid: true },
    marks: [Plot.rectY(bars, { x1: 'x1', x2: 'x2', y: 'count', fill: '#56B4E9', inset: 0.5 }), Plot.ruleY([0])],
  });
}

/** Where each band of a stack of shares has its middle, for labelling bands at their end. */
export function bandMiddles(shares: { name: string; share: number }[]): { name: string; middle: number; share: number }[] {
  let base = 0;
  return shares.map(({ name, share }) => {
    const middle = base + share / 2;
    base += share;
    return { name, middle, share };
  });
}

/** Shares of communities by policy over time, stacked (mutualist, hybrid, communist), each band labelled at its end. */
export function policyMixChart(steps: ArrayLike<number>, mutualist: ArrayLike<number>, communist: ArrayLike<number>, xDomain: [number, number], text: ChartText, now?: number): SVGSVGElement | HTMLElement {
  const rows: { step: number; policy: string; share: number }[] = [];
  const hybridAt = (i: number) => Math.max(0, 1 - mutualist[i]! - communist[i]!);
  for (const i of thinnedIndices(steps.length)) {
    rows.push({ step: steps[i]!, policy: 'mutualist', share: mutualist[i]! }, { step: steps[i]!, policy: 'hybrid', share: hybridAt(i) }, { step: steps[i]!, policy: 'communist', share: communist[i]! });
  }
  const last = steps.length - 1;
  const labels = last < 0 ? [] : bandMiddles([
    { name: 'mutualist', share: mutualist[last]! },
    { name: 'hybrid', share: hybridAt(last) },
    { name: 'communist', share: communist[last]! },
  ]).filter((band) => band.share >= 0.06).map((band) => ({ ...band, step: steps[last]! }));
  const colours = [POLICY_COLOURS.mutualist, POLICY_COLOURS.hybrid, POLICY_COLOURS.communist];
  return Plot.plot({
    ariaLabel: text.title,
    ariaDescription: text.description,
    width: text.width ?? 460,
    height: text.height ?? 160,
    marginRight: 100,
    marginLeft: 44,
    style: { fontSize: '12px', background: 'transparent' },
    x: { domain: xDomain, label: 'step' },
    y: { domain: [0, 1], label: null, tickFormat: '.0%' },
    color: { domain: ['mutualist', 'hybrid', 'communist'], range: colours },
    marks: [
      Plot.areaY(rows, { x: 'step', y: 'share', z: 'policy', fill: 'policy', order: ['mutualist', 'hybrid', 'communist'] }),
      Plot.text(labels, { x: 'step', y: 'middle', text: (band: { name: string; share: number }) => `${band.name} ${Math.round(band.share * 100)}%`, fill: 'name', textAnchor: 'start', dx: 4, fontWeight: 'bold' }),
      ...(now === undefined ? [] : [Plot.ruleX([now])]),
    ],
  });
}

/** B minus A over steps, shaded by sign (blue where B is higher, red where lower: RdBu centred on zero). */
export function differenceChart(x: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>, xDomain: [number, number], text: ChartText): SVGSVGElement | HTMLElement {
  const n = Math.min(x.length, a.length, b.length);
  const rows = thinnedIndices(n).map((i) => ({ step: x[i]!, delta: b[i]! - a[i]! })).filter((row) => Number.isFinite(row.delta));
  return Plot.plot({
    ariaLabel: text.title,
    ariaDescription: text.description,
    width: text.width ?? 460,
    height: text.height ?? 140,
    style: { fontSize: '12px', background: 'transparent' },
    x: { domain: xDomain, label: 'step' },
    y: { label: '↑ B − A', grid: true, domain: steadyDomain(rows.map((row) => row.delta)), tickFormat: formatValue },
    marks: [Plot.differenceY(rows, { x: 'step', y: 'delta', positiveFill: '#2166AC', negativeFill: '#B2182B', fillOpacity: 0.5, stroke: '#333' }), Plot.ruleY([0])],
  });
}
