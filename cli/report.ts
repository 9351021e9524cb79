import { relative } from 'node:path';

/** A two-column table of a run's final figures, names aligned. */
export function formatSummary(summary: Record<string, number | string>): string {
  const entries = Object.entries(summary);
  const width = Math.max(0, ...entries.map(([name]) => name.length));
  return entries.map(([name, value]) => `  ${name.padEnd(width)}  ${typeof value === 'number' ? readable(value) : value}`).join('\n');
}

/** Six significant digits are plenty on a terminal; metrics.csv keeps the full precision. */
function readable(value: number): string {
  return Number.isInteger(value) || !Number.isFinite(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/** The files a run wrote, and how to open the metrics. */
export function formatFilesWritten(dir: string, files: string[]): string {
  const fromHere = relative(process.cwd(), dir);
  const shown = fromHere === '' ? '.' : fromHere.startsWith('..') ? dir : fromHere;
  const folders = new Set(files.filter((file) => file.includes('/')).map((file) => file.split('/')[0] + '/'));
  const listed = [...files.filter((file) => !file.includes('/')), ...folders];
  const metrics = `${shown}/metrics.csv`;
  return [
    `Wrote ${shown}/`,
    ...listed.map((file) => `  ${file}`),
    `Open metrics.csv in pandas: pd.read_csv(${JSON.stringify(metrics)}) — or in R: read.csv(${JSON.stringify(metrics)})`,
  ].join('\n');
}
