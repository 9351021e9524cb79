import type { Comparison, EventComparison, MetricComparison } from './analyse.js';
import type { PairedRuns } from './paired.js';
import { readable } from './report.js';

/**
 * Event types a writer asks about first: secessions, splits, annexations and liberations, policy
 * changes, attacks, federations formed or broken, crises. Routine ones (dues paid, fees set) are not.
 */
const KEY_EVENTS = /secession|split|annex|liberat|policy|aggress|repel|federation_(formed|joined|nested|dissolved)|crisis/;

/** The comparison in plain words, for writers: what differed at the end and when the key events came. */
export function comparisonSummary(pairs: PairedRuns, comparison: Comparison): string {
  const clear = comparison.metrics.filter(isClear);
  const unclear = comparison.metrics.filter((metric) => !isClear(metric));
  const lines = [
    `# ${pairs.a.name} (A) vs ${pairs.b.name} (B)`,
    '',
    `Each setup ran ${pairs.seeds.length} times, ${pairs.a.steps} steps each, with the same ${pairs.seeds.length} seeds: run r of A and run r of B start from the same land and the same people, so their differences come from the setups, not from luck. Figures are means over the seeds with 95% intervals.`,
    ...(pairs.failures.length ? ['', `${pairs.failures.length} runs failed and are left out: ${pairs.failures.join('; ')}.`] : []),
    '',
    '## What differed at the end',
    '',
    ...(clear.length ? clear.map(describeDifference) : ['- No final metric differed clearly between A and B.']),
    ...(unclear.length ? ['', `No clear difference (the interval of B − A includes 0): ${unclear.map((m) => m.metric).join(', ')}.`] : []),
    '',
    '## Key events',
    '',
    ...describeEvents(comparison.events),
    '',
    'The charts (median and 10–90% band over the seeds) are in report.html; the numbers in comparison.csv.',
    '',
  ];
  return lines.join('\n');
}

function isClear(metric: MetricComparison): boolean {
  const { low, high } = metric.difference;
  return Number.isFinite(low) && (low > 0 || high < 0);
}

function describeDifference(metric: MetricComparison): string {
  const { difference: d } = metric;
  const direction = d.mean > 0 ? 'higher' : 'lower';
  return `- **${metric.metric}**: ${readable(metric.a.mean)} in A, ${readable(metric.b.mean)} in B — B is ${direction} by ${readable(Math.abs(d.mean))} (95% interval of B − A: ${readable(d.low)} to ${readable(d.high)}).`;
}

function describeEvents(events: EventComparison[]): string[] {
  if (events.length === 0) return ['- No events were logged in either setup.'];
  const key = events.filter((event) => KEY_EVENTS.test(event.type));
  const rest = events.filter((event) => !KEY_EVENTS.test(event.type));
  return [
    ...(key.length ? key.map(describeEvent) : ['- No secessions, splits, annexations or policy changes in either setup.']),
    ...(rest.length ? ['', `Other events (mean per run, A → B): ${rest.map((e) => `${spoken(e.type)} ${readable(e.perRunA)} → ${readable(e.perRunB)}`).join('; ')}.`] : []),
  ];
}

function describeEvent(event: EventComparison): string {
  const first = (step: number | null) => (step === null ? 'not in most runs' : `typically first at step ${step}`);
  return `- **${spoken(event.type)}**: ${readable(event.perRunA)} per run in A (${first(event.firstStepA)}), ${readable(event.perRunB)} in B (${first(event.firstStepB)}).`;
}

function spoken(type: string): string {
  return type.replaceAll('_', ' ');
}

/** The table of final metrics as CSV. */
export function comparisonCsv(comparison: Comparison): string {
  const header = 'metric,mean_a,low_a,high_a,mean_b,low_b,high_b,difference,difference_low,difference_high,seeds';
  const number = (value: number) => (Number.isFinite(value) ? String(Number(value.toPrecision(10))) : '');
  const rows = comparison.metrics.map((m) =>
    [m.metric, m.a.mean, m.a.low, m.a.high, m.b.mean, m.b.low, m.b.high, m.difference.mean, m.difference.low, m.difference.high]
      .map((value) => (typeof value === 'number' ? number(value) : value))
      .concat(String(m.difference.n))
      .join(','),
  );
  return [header, ...rows].join('\n') + '\n';
}
