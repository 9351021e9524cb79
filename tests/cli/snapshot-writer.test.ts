import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

  it("format rows only while a threaded run's workers idle, unless another snapshot waits", async () => {
    const dir = scratch();
    const busy = new Int32Array(new SharedArrayBuffer(4));
    const writer = new SnapshotWriter(0, busy);
    const rows = (step: number, n: number) => ({ step, columns: { id: Float64Array.from({ length: n }, (_, i) => i), wealth: Float64Array.from({ length: n }, (_, i) => i / 7) } });
    // A first snapshot while the workers idle: the thread is up once its file is whole.
    const small = rows(0, 1000);
    const smallText = snapshotCSV(small);
    writer.write(join(dir, 's0.csv'), small);
    await until(() => existsSync(join(dir, 's0.csv')) && readFileSync(join(dir, 's0.csv'), 'utf8') === smallText);
    // Workers busy: the first of two queued snapshots is written (another waits behind it), the second waits.
    Atomics.store(busy, 0, 1);
    const [first, second] = [rows(1, 60_000), rows(2, 60_000)];
    const expected = [snapshotCSV(first), snapshotCSV(second)];
    writer.write(join(dir, 's1.csv'), first);
    writer.write(join(dir, 's2.csv'), second);
    await until(() => existsSync(join(dir, 's1.csv')) && readFileSync(join(dir, 's1.csv'), 'utf8') === expected[0]);
    await until(() => existsSync(join(dir, 's2.csv')));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readFileSync(join(dir, 's2.csv'), 'utf8')).toBe('id,wealth\n');
    // The workers idle: the second is finished.
    Atomics.store(busy, 0, 0);
    Atomics.notify(busy, 0);
    await writer.finish();
    expect(readFileSync(join(dir, 's2.csv'), 'utf8')).toBe(expected[1]);
  }, 15_000);

  it('report a file that could not be written when they finish', async () => {
    const writer = new SnapshotWriter(0);
    writer.write(join(scratch(), 'no-such-folder', 'step-0.csv'), { step: 0, columns: { id: new Float64Array(3) } });
    await expect(writer.finish()).rejects.toThrow(/could not write a snapshot: .*no-such-folder/);
  });
});

/** Resolves once `done()` holds, looking every 10 ms (the test's own timeout bounds it). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
}
