import type { SimEvent } from '../../sim/events.js';

/** A metrics table: column names in file order (starting with `step`) and one Float64Array per column. */
export interface MetricsTable {
  names: string[];
  columns: Record<string, Float64Array>;
  rows: number;
}

/** A run folder's contents as the replay view reads them. */
export interface RunFolder {
  manifest: Record<string, unknown>;
  metrics: MetricsTable;
  events: SimEvent[];
}

/** One cell of metrics.csv: empty is NaN, Inf/-Inf are infinities (the writer's conventions). */
export function parseCell(text: string): number {
  const cell = text.trim();
  if (cell === '') return Number.NaN;
  if (cell === 'Inf') return Infinity;
  if (cell === '-Inf') return -Infinity;
  return Number(cell);
}

/** Parses metrics.csv (a header, then numbers); names the line and column of anything else. */
export function parseMetricsCSV(text: string, file = 'metrics.csv'): MetricsTable {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new Error(`${file}: empty, expected a header line`);
  const names = lines[0]!.split(',').map((name) => name.trim());
  const rows = lines.length - 1;
  const columns: Record<string, Float64Array> = {};
  for (const name of names) columns[name] = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const cells = lines[r + 1]!.split(',');
    if (cells.length !== names.length) {
      throw new Error(`${file}: line ${r + 2} has ${cells.length} values, expected ${names.length}`);
    }
    cells.forEach((cell, c) => {
      const value = parseCell(cell);
      if (Number.isNaN(value) && cell.trim() !== '') throw new Error(`${file}: line ${r + 2}, ${names[c]}: expected a number, found "${cell}"`);
      columns[names[c]!]![r] = value;
    });
  }
  return { names, columns, rows };
}

/** Parses events.ndjson: one JSON object per line, each with a numeric `step` and a string `type`. */
export function parseEvents(text: string, file = 'events.ndjson'): SimEvent[] {
  const events: SimEvent[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${file}: line ${index + 1}: expected a JSON object, found "${line.slice(0, 40)}"`);
    }
    const event = value as SimEvent;
    if (typeof event !== 'object' || event === null || typeof event.step !== 'number' || typeof event.type !== 'string') {
      throw new Error(`${file}: line ${index + 1}: expected an object with step and type, found ${line.slice(0, 40)}`);
    }
    events.push(event);
  });
  return events;
}

/** Reads a run folder through any fetch-like reader (a served URL, or dropped files). */
export async function readRunFolder(read: (name: string) => Promise<string | undefined>): Promise<RunFolder> {
  const [manifestText, metricsText, eventsText] = await Promise.all([read('manifest.json'), read('metrics.csv'), read('events.ndjson')]);
  if (metricsText === undefined) throw new Error('run folder: metrics.csv is missing');
  let manifest: Record<string, unknown> = {};
  if (manifestText !== undefined) {
    try {
      manifest = JSON.parse(manifestText) as Record<string, unknown>;
    } catch {
      throw new Error('run folder: manifest.json is not valid JSON');
    }
  }
  return { manifest, metrics: parseMetricsCSV(metricsText), events: eventsText ? parseEvents(eventsText) : [] };
}
