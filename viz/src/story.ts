import type { SimEvent } from '../../sim/events.js';
import type { MetricsTable } from './run-folder.js';

/** A moment worth pointing at on the charts. */
export interface KeyMoment {
  step: number;
  label: string;
  /** The metric to annotate, when the moment is a jump in one. */
  metric?: string;
}

// One formatter for every call: `toLocaleString` builds a new one each time, which cost the page
// most of its drawing time when a hundred map labels were rewritten every frame.
const grouped = new Intl.NumberFormat('en-US');

/** Numbers as a reader wants them: no long tails of digits, thousands grouped. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return grouped.format(value);
  const size = Math.abs(value);
  if (size >= 100) return grouped.format(Math.round(value));
  if (size >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** The metric a story leads with: wealth inequality when there is one, else the first column. */
export function headlineMetric(table: MetricsTable): string | undefined {
  const metrics = table.names.filter((name) => name !== 'step');
  return metrics.includes('gini_wealth') ? 'gini_wealth' : metrics[0];
}

/** The step (and size) of the largest change from one row to the next in a column. */
export function largestJump(table: MetricsTable, metric: string): { step: number; change: number } | undefined {
  const values = table.columns[metric];
  const steps = table.columns.step;
  if (!values || !steps) return undefined;
  let best: { step: number; change: number } | undefined;
  for (let r = 1; r < table.rows; r++) {
    const change = values[r]! - values[r - 1]!;
    if (Number.isFinite(change) && change !== 0 && (!best || Math.abs(change) > Math.abs(best.change))) best = { step: steps[r]!, change };
  }
  return best;
}

const firstOf = (events: SimEvent[], pattern: RegExp) => events.find((event) => pattern.test(event.type));

function largestAnnexation(events: SimEvent[]): SimEvent | undefined {
  const size = (event: SimEvent) => Number(event.population ?? event.size ?? 0);
  return events.filter((event) => /annex/.test(event.type)).reduce<SimEvent | undefined>((best, event) => (!best || size(event) > size(best) ? event : best), undefined);
}

/**
 * Up to three moments, in step order: the headline metric's largest jump, the first
 * secession, the largest annexation; then the first split and the population's largest
 * jump fill any gaps. Deterministic: the same run always gives the same moments.
 */
export function keyMoments(table: MetricsTable, events: SimEvent[], limit = 3): KeyMoment[] {
  const candidates: KeyMoment[] = [];
  const headline = headlineMetric(table);
  const jump = headline ? largestJump(table, headline) : undefined;
  if (jump && headline) candidates.push({ step: jump.step, metric: headline, label: `${headline} ${jump.change > 0 ? 'jumps' : 'drops'} by ${formatValue(Math.abs(jump.change))}` });
  const secession = firstOf(events, /secession|secede/);
  if (secession) candidates.push({ step: secession.step, label: 'first secession' });
  const annexation = largestAnnexation(events);
  if (annexation) candidates.push({ step: annexation.step, label: 'largest annexation' });
  const split = firstOf(events, /split/);
  if (split) candidates.push({ step: split.step, label: 'first split' });
  const population = table.names.includes('population') && headline !== 'population' ? largestJump(table, 'population') : undefined;
  if (population) candidates.push({ step: population.step, metric: 'population', label: `population ${population.change > 0 ? 'grows' : 'falls'} by ${formatValue(Math.abs(population.change))}` });
  const chosen: KeyMoment[] = [];
  for (const moment of candidates) {
    if (chosen.length < limit && !chosen.some((other) => other.step === moment.step)) chosen.push(moment);
  }
  return chosen.sort((a, b) => a.step - b.step);
}
