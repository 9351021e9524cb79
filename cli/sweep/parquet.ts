import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import type { RunRecord } from './journal.js';

/** The Parquet file of a sweep folder: every run's metrics, long form (run_id, step, metrics…), in design order. */
export const PARQUET_FILE = 'metrics.parquet';

/** Rows per row group: big enough for fast scans, small enough that the buffer stays a few megabytes. */
const ROW_GROUP_ROWS = 20_000;

/**
 * Writes every successful run's metrics.csv into one Parquet file, reading one run at a time and
 * writing a row group whenever enough rows are buffered, so memory stays flat however many runs
 * there are. Returns the row count.
 */
export async function writeMetricsParquet(sweepDir: string, records: RunRecord[]): Promise<number> {
  const target = join(sweepDir, PARQUET_FILE);
  const done = records.filter((record) => record.status === 'ok' && existsSync(metricsPath(sweepDir, record.id)));
  if (done.length === 0) {
    rmSync(target, { force: true });
    return 0;
  }
  const metricNames = parseMetricsCsv(readFileSync(metricsPath(sweepDir, done[0]!.id), 'utf8')).names;
  const partial = `${target}.partial`;
  const writer = new ParquetWriter({ writer: fileWriter(partial), schema: parquetSchema(metricNames), createdBy: 'polycentric' });
  const buffer = new RowBuffer(metricNames);
  let rows = 0;
  for (const record of done) {
    rows += buffer.add(record.id, parseMetricsCsv(readFileSync(metricsPath(sweepDir, record.id), 'utf8')));
    if (buffer.rows >= ROW_GROUP_ROWS) await buffer.flushTo(writer);
  }
  if (buffer.rows > 0) await buffer.flushTo(writer);
  await writer.finish();
  renameSync(partial, target);
  return rows;
}

/** Rows waiting to become a row group, as columns. */
class RowBuffer {
  rows = 0;
  private runIds: string[] = [];
  private steps: number[] = [];
  private columns: (number | null)[][];

  constructor(private readonly metricNames: string[]) {
    this.columns = metricNames.map(() => []);
  }

  /** Adds one run's rows (a metric the run lacks becomes nulls); returns how many. */
  add(runId: string, table: ReturnType<typeof parseMetricsCsv>): number {
    const count = table.steps.length;
    for (let i = 0; i < count; i++) this.runIds.push(runId);
    this.steps.push(...table.steps);
    this.metricNames.forEach((name, c) => {
      const values = table.columns.get(name);
      for (let i = 0; i < count; i++) this.columns[c]!.push(values ? values[i]! : null);
    });
    this.rows += count;
    return count;
  }

  /** Writes the buffered rows as one row group and empties the buffer. */
  async flushTo(writer: ParquetWriter): Promise<void> {
    const columnData = [
      { name: 'run_id', data: this.runIds },
      { name: 'step', data: this.steps },
      ...this.metricNames.map((name, c) => ({ name, data: this.columns[c]! })),
    ];
    await writer.write({ columnData, rowGroupSize: this.rows });
    this.rows = 0;
    this.runIds = [];
    this.steps = [];
    this.columns = this.metricNames.map(() => []);
  }
}

function metricsPath(sweepDir: string, id: string): string {
  return join(sweepDir, 'runs', id, 'metrics.csv');
}

function parquetSchema(metricNames: string[]): SchemaElement[] {
  return [
    { name: 'root', num_children: 2 + metricNames.length },
    { name: 'run_id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
    { name: 'step', type: 'INT32', repetition_type: 'REQUIRED' },
    ...metricNames.map((name): SchemaElement => ({ name, type: 'DOUBLE', repetition_type: 'OPTIONAL' })),
  ];
}

/** A metrics.csv as columns: steps and, per metric, numbers (empty cells become nulls). */
export function parseMetricsCsv(csv: string): { names: string[]; steps: number[]; columns: Map<string, (number | null)[]> } {
  const lines = csv.trimEnd().split('\n');
  const header = lines[0]!.split(',');
  const names = header.slice(1);
  const steps: number[] = [];
  const columns = new Map(names.map((name) => [name, [] as (number | null)[]]));
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    steps.push(Number(cells[0]));
    names.forEach((name, i) => columns.get(name)!.push(cellNumber(cells[i + 1])));
  }
  return { names, steps, columns };
}

function cellNumber(cell: string | undefined): number | null {
  if (cell === undefined || cell === '') return null;
  if (cell === 'Inf') return Infinity;
  if (cell === '-Inf') return -Infinity;
  return Number(cell);
}
