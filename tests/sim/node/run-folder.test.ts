import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderExistsError, removeStalePartials, writeFolderAtomically } from '../../../sim/node/run-folder.js';

const freshParent = () => mkdtempSync(join(tmpdir(), 'polycentric-folder-'));

describe('writeFolderAtomically', () => {
  it('writes every file, in subfolders too, and leaves nothing else beside the target', () => {
    const parent = freshParent();
    const target = join(parent, 'run');
    writeFolderAtomically(target, { 'a.csv': 'x\n1\n', 'snapshots/step-1.csv': 'y\n', 'bytes.bin': new Uint8Array([1, 2]) });
    expect(readFileSync(join(target, 'a.csv'), 'utf8')).toBe('x\n1\n');
    expect(readFileSync(join(target, 'snapshots/step-1.csv'), 'utf8')).toBe('y\n');
    expect([...readFileSync(join(target, 'bytes.bin'))]).toEqual([1, 2]);
    expect(readdirSync(parent)).toEqual(['run']);
  });

  it('creates missing parent folders', () => {
    const target = join(freshParent(), 'deep', 'er', 'run');
    writeFolderAtomically(target, { 'a.txt': 'a' });
    expect(existsSync(join(target, 'a.txt'))).toBe(true);
  });

  it('refuses an existing folder and leaves it untouched', () => {
    const parent = freshParent();
    const target = join(parent, 'run');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'old');
    expect(() => writeFolderAtomically(target, { 'a.txt': 'new' })).toThrow(FolderExistsError);
    expect(readdirSync(target)).toEqual(['keep.txt']);
    expect(readdirSync(parent)).toEqual(['run']);
  });

  it('replaces an existing folder when asked', () => {
    const target = join(freshParent(), 'run');
    writeFolderAtomically(target, { 'old.txt': 'old' });
    writeFolderAtomically(target, { 'new.txt': 'new' }, { overwrite: true });
    expect(readdirSync(target)).toEqual(['new.txt']);
  });

  it('removes the temporary folder when a write fails, and creates no target', () => {
    const parent = freshParent();
    const target = join(parent, 'run');
    expect(() => writeFolderAtomically(target, { 'fine.txt': 'ok', '../escape.txt': 'no' })).toThrow(/outside the run folder/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('clears the half-written folders of killed runs of this machine, and only those', () => {
    const parent = freshParent();
    const target = join(parent, 'run');
    const host = hostname().replace(/[^\w.-]+/g, '_');
    // A process that has exited: its pid names no live process.
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = `.run.partial-${host}-${deadPid}-abc123`;
    const live = `.run.partial-${host}-${process.pid}-def456`;
    const elsewhere = `.run.partial-another_host-${deadPid}-ghi789`;
    const otherTarget = `.other.partial-${host}-${deadPid}-jkl012`;
    for (const name of [stale, live, elsewhere, otherTarget]) {
      mkdirSync(join(parent, name));
      writeFileSync(join(parent, name, 'metrics.csv'), 'half');
    }
    writeFolderAtomically(target, { 'a.txt': 'a' }, { clearStale: false });
    expect(readdirSync(parent)).toContain(stale);
    rmSync(target, { recursive: true });
    writeFolderAtomically(target, { 'a.txt': 'a' });
    expect(readdirSync(parent).sort()).toEqual([live, otherTarget, elsewhere, 'run'].sort());
    expect(removeStalePartials(join(parent, 'other'))).toEqual([otherTarget]);
  });
});
