import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeRun } from '../../cli/execute.js';
import { SnapshotWriter } from '../../cli/snapshots/background.js';
import { snapshotCSV } from '../../cli/snapshots/csv.js';
import { parseScenario } from '../../scenarios/load.js';
import { scratch } from './helpers.js';

const society = (steps: number) => parseScenario(`{"model":"society","steps":${steps},"seed":4,"params":{"population":600,"communities":6,"snapshotEvery":3}}`, 'society.json');

/** Every file of a run folder but the manifest (its times differ), by name. */
function folderFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (name === 'manifest.json' || !name.includes('.')) continue;
    files[name] = readFileSync(path, 'utf8');
  }
  return files;
}

describe('snapshots written on a thread of their own', () => {
  it('are the same files, byte for byte, as snapshots written on the spot', async () => {
    const here = await executeRun(society(7), { out: join(scratch(), 'here'), snapshotThreadRows: Infinity });
    const threaded = await executeRun(society(7), { out: join(scratch(), 'threaded'), snapshotThreadRows: 0 });
    expect(threaded.files).toEqual(here.files);
    const [a, b] = [folderFiles(here.dir), folderFiles(threaded.dir)];
    expect(Object.keys(a).filter((name) => name.startsWith('snapshots'))).toHaveLength(3);
    expect(b).toEqual(a);
  }, 60_000);

  it('are written in the order taken, and finish() waits for the last', async () => {
    const dir = scratch();
    const writer = new SnapshotWriter(0);
    const expected: string[] = [];
    for (let step = 0; step < 4; step++) {
      const snapshot = { step, columns: { id: Float64Array.from({ length: 1000 }, (_, i) => i), step: new Float64Array(1000).fill(step) } };
      expected.push(snapshotCSV(snapshot));
      writer.write(join(dir, `s${step}.csv`), snapshot);
    }
    await writer.finish();
    for (let step = 0; step < 4; step++) expect(readFileSync(join(dir, `s${step}.csv`), 'utf8')).toBe(expected[step]);
  });

  it('report a file that could not be written when they finish', async () => {
    const writer = new SnapshotWriter(0);
    writer.write(join(scratch(), 'no-such-folder', 'step-0.csv'), { step: 0, columns: { id: new Float64Array(3) } });
    await expect(writer.finish()).rejects.toThrow(/could not write a snapshot: .*no-such-folder/);
  });
});
