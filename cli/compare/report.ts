import { formatNumber } from '../../sim/collector.js';
import type { Comparison } from './analyse.js';
import { escapeHtml, selfContainedPage, SETUP_COLOURS } from './html.js';
import type { PairedRuns } from './paired.js';
import type { Interval } from './statistics.js';

/** A number rounded for reading (4 significant digits). */
export function readable(value: number): string {
  return Number.isFinite(value) ? formatNumber(Number(value.toPrecision(4))) : '–';
}

/** "mean [low, high]". */
export function withInterval(interval: Interval): string {
  return Number.isFinite(interval.low) ? `${readable(interval.mean)} [${readable(interval.low)}, ${readable(interval.high)}]` : readable(interval.mean);
}

/** The comparison as one self-contained HTML page: the setups, the table of final metrics and a chart per metric. */
export function comparisonReport(pairs: PairedRuns, comparison: Comparison): string {
  const rows = comparison.metrics
    .map((m) => `<tr><td>${escapeHtml(m.metric)}</td><td>${withInterval(m.a)}</td><td>${withInterval(m.b)}</td><td>${withInterval(m.difference)}</td></tr>`)
    .join('\n');
  const body = `<h1>${escapeHtml(pairs.a.name)} (A) vs ${escapeHtml(pairs.b.name)} (B)</h1>
<p>A: <code>${escapeHtml(pairs.a.file)}</code>. B: <code>${escapeHtml(pairs.b.file)}</code>. ${pairs.seeds.length} paired seeds
(replicate r of A and of B share a seed: same land, same people), ${pairs.a.steps} steps each.</p>
<p class="note">Seeds: ${pairs.seeds.join(', ')}.${pairs.failures.length ? ` Failed runs (left out): ${escapeHtml(pairs.failures.join('; '))}.` : ''}</p>
<h2>Final values</h2>
<p class="note">Mean over seeds with its 95% interval; B − A is the mean of the paired differences.</p>
<table><thead><tr><th>metric</th><th>A</th><th>B</th><th>B − A</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>Over time</h2>
<p class="note">Lines: the median over the ${pairs.seeds.length} seeds; bands: 10% to 90% of them.
<span style="color:${SETUP_COLOURS.A}">■ A (${escapeHtml(pairs.a.name)})</span> <span style="color:${SETUP_COLOURS.B}">■ B (${escapeHtml(pairs.b.name)})</span></p>
<div class="charts" id="charts"></div>`;
  return selfContainedPage({ title: `${pairs.a.name} vs ${pairs.b.name}`, body, data: comparison.bands, render: renderBands() });
}

/** Browser code: one small multiple per metric, A and B overlaid. */
function renderBands(): string {
  return `const colour = { domain: ['A', 'B'], range: ['${SETUP_COLOURS.A}', '${SETUP_COLOURS.B}'] };
const metrics = [...new Set(data.map((d) => d.metric))];
for (const metric of metrics) {
  const points = data.filter((d) => d.metric === metric);
  // A metric that never moves (conserved wealth, say) gets a band around its value: an empty range mislabels the axis.
  const low = d3.min(points, (d) => d.low), high = d3.max(points, (d) => d.high);
  const pad = Number.isFinite(low) && low === high ? Math.max(Math.abs(low) * 0.05, 1) : 0;
  document.getElementById('charts').append(Plot.plot({
    title: metric, width: 340, height: 200, marginLeft: 56, color: colour,
    x: { label: 'step' }, y: { label: null, grid: true, ...(pad ? { domain: [low - pad, high + pad] } : {}) },
    marks: [
      Plot.areaY(points, { x: 'step', y1: 'low', y2: 'high', fill: 'setup', fillOpacity: 0.18 }),
      Plot.lineY(points, { x: 'step', y: 'median', stroke: 'setup', strokeWidth: 1.6 }),
    ],
  }));
}`;
}
