import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/** The test sweep over the Boltzmann model (8 runs of 20 steps). */
export const GRID_SWEEP = new URL('./fixtures/boltzmann-grid.json', import.meta.url).pathname;

/** A fresh temporary folder. */
export function scratch(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `polycentric-${prefix}-`));
}

/** The files that must be byte-identical between two sweep folders: runs.csv and each run's metrics and events. */
export function deterministicFiles(sweepDir: string): Record<string, string> {
  const files: Record<string, string> = { 'runs.csv': readFileSync(join(sweepDir, 'runs.csv'), 'utf8') };
  const runsDir = join(sweepDir, 'runs');
  for (const id of existsSync(runsDir) ? readdirSync(runsDir).sort() : []) {
    for (const name of ['metrics.csv', 'events.ndjson']) files[`runs/${id}/${name}`] = readFileSync(join(runsDir, id, name), 'utf8');
  }
  return files;
}

/** Asserts two sweep folders hold the same runs with byte-identical files. */
export function expectSameSweep(actualDir: string, expectedDir: string): void {
  const actual = deterministicFiles(actualDir);
  const expected = deterministicFiles(expectedDir);
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const name of Object.keys(expected)) expect(actual[name], name).toBe(expected[name]);
}

/** runs.csv as a header and rows of named cells. */
export function readRunsCsv(sweepDir: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...lines] = parseCsv(readFileSync(join(sweepDir, 'runs.csv'), 'utf8'));
  const rows = lines.map((cells) => Object.fromEntries(cells.map((cell, i) => [header![i]!, cell])));
  return { header: header!, rows };
}

/** A small RFC 4180 reader: quoted cells may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(cell), (cell = '');
    else if (char === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += char;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}
