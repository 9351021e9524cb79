import { escapeHtml, selfContainedPage } from '../compare/html.js';
import { readable } from '../compare/report.js';
import type { SensitivityResult } from './analyse.js';

/** Sobol indices as CSV: one row per metric and parameter, with bootstrap intervals. */
export function sobolCsv(analysis: SensitivityResult): string {
  const header = 'metric,parameter,first_order,first_order_low,first_order_high,total,total_low,total_high';
  const rows = analysis.results.map(({ metric, parameter, indices: { first, total } }) =>
    [metric, parameter, ...[first.value, first.low, first.high, total.value, total.low, total.high].map(csvNumber)].join(','),
  );
  return [header, ...rows].join('\n') + '\n';
}

/** One-at-a-time elasticities as CSV. */
export function elasticityCsv(analysis: SensitivityResult): string {
  const header = 'metric,parameter,elasticity,elasticity_low,elasticity_high';
  const rows = analysis.results.map(({ metric, parameter, elasticity: e }) => [metric, parameter, ...[e.value, e.low, e.high].map(csvNumber)].join(','));
  return [header, ...rows].join('\n') + '\n';
}

function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : '';
}

/** A self-contained page: per metric, first-order and total indices with their intervals, and the elasticities. */
export function sensitivityReport(sweepName: string, analysis: SensitivityResult): string {
  const data = analysis.results.flatMap(({ metric, parameter, indices }) => [
    { metric, parameter, kind: 'first order', ...indices.first },
    { metric, parameter, kind: 'total', ...indices.total },
  ]);
  const rows = analysis.results
    .map((r) => `<tr><td>${escapeHtml(r.metric)}</td><td>${escapeHtml(r.parameter)}</td><td>${readable(r.indices.first.value)}</td><td>${readable(r.indices.total.value)}</td><td>${readable(r.elasticity.value)} [${readable(r.elasticity.low)}, ${readable(r.elasticity.high)}]</td></tr>`)
    .join('\n');
  const body = `<h1>Sensitivity: ${escapeHtml(sweepName)}</h1>
<p>Sobol indices from ${analysis.rowsUsed} complete rows of a Saltelli design (of ${analysis.rowsPlanned} planned); first order by Saltelli et al. (2010), total by Jansen (1999); bars are 95% bootstrap intervals.
A first-order index is the share of the output's variance a parameter explains alone; the total index adds its interactions.</p>
<div class="charts" id="charts"></div>
<h2>Table</h2>
<p class="note">Elasticity: the mean arc elasticity over the design's one-at-a-time steps (percent change of the metric per percent change of the parameter), with its 95% interval.</p>
<table><thead><tr><th>metric</th><th>parameter</th><th>first order</th><th>total</th><th>elasticity</th></tr></thead><tbody>
${rows}
</tbody></table>`;
  const render = `const colour = { domain: ['first order', 'total'], range: ['#56B4E9', '#D55E00'], legend: true };
for (const metric of [...new Set(data.map((d) => d.metric))]) {
  const points = data.filter((d) => d.metric === metric);
  document.getElementById('charts').append(Plot.plot({
    title: metric, width: 360, height: 60 + 36 * new Set(points.map((d) => d.parameter)).size, marginLeft: 110, color: colour,
    x: { label: 'Sobol index', domain: [Math.min(0, d3.min(points, (d) => d.low)), Math.max(1, d3.max(points, (d) => d.high))], grid: true },
    fy: { label: null }, y: { axis: null, domain: ['first order', 'total'] },
    marks: [
      Plot.ruleY(points, { fy: 'parameter', y: 'kind', x1: 'low', x2: 'high', stroke: 'kind' }),
      Plot.dot(points, { fy: 'parameter', y: 'kind', x: 'value', fill: 'kind', r: 4 }),
      Plot.ruleX([0]),
    ],
  }));
}`;
  return selfContainedPage({ title: `Sensitivity: ${sweepName}`, body, data, render });
}
