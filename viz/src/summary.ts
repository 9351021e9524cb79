import type { SimEvent } from '../../sim/events.js';
import type { MetricsTable } from './run-folder.js';
import { formatValue } from './story.js';

/** What a summary says about the run itself. */
export interface RunFacts {
  name: string;
  model: string;
  seed: number;
}

const first = (table: MetricsTable, name: string) => table.columns[name]?.[0];
const last = (table: MetricsTable, name: string) => table.columns[name]?.[table.rows - 1];

function trend(from: number, to: number): string {
  const tolerance = Math.max(Math.abs(from), Math.abs(to)) * 0.02;
  if (Math.abs(to - from) <= tolerance) return 'held steady';
  return to > from ? 'rose' : 'fell';
}

// Each template speaks only when its metric is in the table, so any model gets a summary.
const templates: ((table: MetricsTable) => string | undefined)[] = [
  (t) => first(t, 'population') !== undefined ? `The population went from ${formatValue(first(t, 'population')!)} to ${formatValue(last(t, 'population')!)}.` : undefined,
  (t) => first(t, 'communities') !== undefined ? `There were ${formatValue(first(t, 'communities')!)} communities at the start and ${formatValue(last(t, 'communities')!)} at the end.` : undefined,
  (t) => {
    const a = first(t, 'gini_wealth');
    const b = last(t, 'gini_wealth');
    return a !== undefined && b !== undefined ? `Wealth inequality (the Gini coefficient) ${trend(a, b)}, from ${formatValue(a)} to ${formatValue(b)}.` : undefined;
  },
  (t) => {
    const a = first(t, 'sharing_mean');
    const b = last(t, 'sharing_mean');
    return a !== undefined && b !== undefined ? `Average sharing ${trend(a, b)}, from ${formatValue(a)} to ${formatValue(b)} (0 = keep what you make, 1 = share everything).` : undefined;
  },
  (t) => {
    const a = first(t, 'mean_welfare');
    const b = last(t, 'mean_welfare');
    return a !== undefined && b !== undefined ? `Average welfare ${trend(a, b)}, from ${formatValue(a)} to ${formatValue(b)}.` : undefined;
  },
];

function describeEvents(events: SimEvent[]): string {
  if (events.length === 0) return 'No events were recorded.';
  const byType = new Map<string, { count: number; firstStep: number }>();
  for (const event of events) {
    const entry = byType.get(event.type) ?? { count: 0, firstStep: event.step };
    entry.count++;
    byType.set(event.type, entry);
  }
  const ranked = [...byType.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0])).slice(0, 4);
  const parts = ranked.map(([type, { count, firstStep }]) => `${count} ${type.replace(/_/g, ' ')} (first at step ${firstStep})`);
  return `Events: ${parts.join(', ')}.`;
}

/**
 * The story of a run in plain sentences, built from templates over its metrics and events:
 * deterministic, so the same run always reads the same.
 */
export function summariseRun(facts: RunFacts, table: MetricsTable, events: SimEvent[]): string[] {
  const steps = table.columns.step?.[table.rows - 1] ?? 0;
  const sentences = [`${facts.name} (${facts.model} model, seed ${facts.seed}) ran for ${formatValue(steps)} steps.`];
  for (const template of templates) {
    const sentence = template(table);
    if (sentence) sentences.push(sentence);
  }
  if (sentences.length === 1) {
    const metric = table.names.find((name) => name !== 'step');
    if (metric) sentences.push(`${metric.charAt(0).toUpperCase()}${metric.slice(1).replace(/_/g, ' ')} went from ${formatValue(first(table, metric)!)} to ${formatValue(last(table, metric)!)}.`);
  }
  sentences.push(describeEvents(events));
  return sentences;
}
