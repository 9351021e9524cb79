import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataCollector, type AgentSnapshot } from '../../sim/collector.js';
import { PendingFolder } from '../../sim/node/run-folder.js';

/** A collector of one model column and a two-agent snapshot every 2 steps. */
function collector(): DataCollector<{ t: number }> {
  return new DataCollector<{ t: number }>({ model: { t: (m) => m.t }, agents: (m) => ({ wealth: [m.t, m.t * 10] }), agentEvery: 2 });
}

describe('DataCollector snapshot sink', () => {
  it('hands over the snapshots already taken, then each one as it is taken, keeping none', () => {
    const c = collector();
    c.collect({ t: 0 }, 0);
    const received: AgentSnapshot[] = [];
    c.sendSnapshotsTo((s) => received.push(s));
    expect(received.map((s) => s.step)).toEqual([0]);
    for (let t = 1; t <= 5; t++) c.collect({ t }, t);
    expect(received.map((s) => s.step)).toEqual([0, 2, 4]);
    expect(Array.from(received[2]!.columns['wealth']!)).toEqual([4, 40]);
    expect(c.snapshots).toHaveLength(0);
    expect(c.rows).toBe(6);
  });

  it('still keeps every snapshot when no sink is set', () => {
    const c = collector();
    for (let t = 0; t <= 4; t++) c.collect({ t }, t);
    expect(c.snapshots.map((s) => s.step)).toEqual([0, 2, 4]);
  });
});

describe('PendingFolder', () => {
  it('shows nothing at the target until committed, then everything written', () => {
    const parent = mkdtempSync(join(tmpdir(), 'pending-'));
    const target = join(parent, 'run');
    const folder = new PendingFolder(target);
    folder.write('snapshots/step-0.csv', 'a\n1\n');
    expect(existsSync(target)).toBe(false);
    folder.write('metrics.csv', 'step\n0\n');
    expect(folder.commit()).toBe(target);
    expect(readFileSync(join(target, 'snapshots/step-0.csv'), 'utf8')).toBe('a\n1\n');
    expect(readdirSync(parent)).toEqual(['run']);
  });

  it('leaves no trace when discarded', () => {
    const parent = mkdtempSync(join(tmpdir(), 'pending-'));
    const folder = new PendingFolder(join(parent, 'run'));
    folder.write('a.txt', 'x');
    folder.discard();
    expect(readdirSync(parent)).toEqual([]);
  });
});
