import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunRecord } from './journal.js';

/** The name of the one-row-per-run table in a sweep folder. */
export const RUNS_FILE = 'runs.csv';

/** The columns of runs.csv: identity, parameters, outcome, then the final metrics. */
export function runsHeader(parameterNames: string[], metricNames: string[]): string[] {
  return ['id', 'replicate', 'seed', ...parameterNames, 'status', 'message', ...metricNames];
}

/** The metric columns: those of the first successful run (every run of one model reports the same ones). */
export function metricNamesOf(records: RunRecord[]): string[] | undefined {
  const first = records.find((record) => record.status === 'ok' && record.metrics);
  return first ? Object.keys(first.metrics!) : undefined;
}

/** One record as a CSV line. */
export function runsRow(record: RunRecord, parameterNames: string[], metricNames: string[]): string {
  const cells = [
    record.id,
    String(record.replicate),
    String(record.seed),
    ...parameterNames.map((name) => csvCell(record.params[name])),
    record.status,
    csvCell(record.message ?? ''),
    ...metricNames.map((name) => record.metrics?.[name] ?? ''),
  ];
  return cells.join(',') + '\n';
}

/** The whole table for these records, in the order given. */
export function renderRunsCsv(records: RunRecord[], parameterNames: string[]): string {
  const metricNames = metricNamesOf(records) ?? [];
  let out = runsHeader(parameterNames, metricNames).join(',') + '\n';
  for (const record of records) out += runsRow(record, parameterNames, metricNames);
  return out;
}

/** Writes runs.csv through a temporary file and a rename, so readers see the old table or the new one. */
export function writeRunsCsv(sweepDir: string, records: RunRecord[], parameterNames: string[]): void {
  const target = join(sweepDir, RUNS_FILE);
  writeFileSync(`${target}.partial`, renderRunsCsv(records, parameterNames));
  renameSync(`${target}.partial`, target);
}

/**
 * Appends rows to runs.csv as runs finish, so a long sweep's table can be read while it runs.
 * The header waits for the first successful run (it names the metrics); rows of failed runs before it wait too.
 */
export class RunsCsvStream {
  private metricNames: string[] | undefined;
  private waiting: RunRecord[] = [];

  constructor(
    private readonly sweepDir: string,
    private readonly parameterNames: string[],
    earlier: RunRecord[],
  ) {
    this.metricNames = metricNamesOf(earlier);
    if (this.metricNames) writeRunsCsv(sweepDir, earlier, parameterNames);
    else this.waiting = [...earlier];
  }

  /** Adds one finished run's row. */
  add(record: RunRecord): void {
    if (!this.metricNames) {
      this.waiting.push(record);
      this.metricNames = metricNamesOf(this.waiting);
      if (this.metricNames) writeRunsCsv(this.sweepDir, this.waiting, this.parameterNames);
      return;
    }
    appendFileSync(join(this.sweepDir, RUNS_FILE), runsRow(record, this.parameterNames, this.metricNames));
  }
}

/** A value as a CSV cell: quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'number' ? numberText(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function numberText(value: number): string {
  // Parameter values are written in full (shortest round-trip form) so a run can be repeated from its row.
  return Number.isFinite(value) ? String(value) : value > 0 ? 'Inf' : value < 0 ? '-Inf' : '';
}
