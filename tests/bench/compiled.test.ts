import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fileHashes, sameFiles } from '../../bench/whole-run.js';

const root = new URL('../..', import.meta.url).pathname;
const run = promisify(execFile);

describe('the compiled build for line profiles', () => {
  it('compiles the project to JavaScript with its lines, and the compiled CLI writes the same files as the one run from source', async () => {
    const base = mkdtempSync(join(tmpdir(), 'compiled-test-'));
    const out = join(base, 'compiled');
    await run('bash', ['bench/compiled.sh', out], { cwd: root });
    // One module, one file, its lines kept: the line a profile names is a line of code.
    const walk = readFileSync(join(out, 'models/society/knowledge/frontier-walk.js'), 'utf8');
    expect(walk.split('\n').length).toBeGreaterThan(100);
    const args = ['run', 'scenarios/default.json', '--steps', '3', '--set', 'params.population=600', '--set', 'params.communities=6', '--threads', '2'];
    await run(process.execPath, [join(out, 'cli/main.js'), ...args, '--out', join(base, 'compiled-run')], { cwd: root });
    await run(process.execPath, ['bin/polycentric.js', ...args, '--out', join(base, 'source-run')], { cwd: root });
    // Every file but the manifest (metrics, events, snapshots), byte for byte.
    const compiled = fileHashes(join(base, 'compiled-run'));
    expect([...compiled.keys()]).toEqual(expect.arrayContaining(['metrics.csv', 'events.ndjson']));
    expect(sameFiles(compiled, fileHashes(join(base, 'source-run')))).toBe(true);
    // A benchmark runs compiled too, from anywhere: the scenarios it loads came along.
    const { stdout } = await run(process.execPath, [join(out, 'bench/threads-child.js'), '2000', '1', '1', '1'], { cwd: base });
    const measured = JSON.parse(stdout.trim().split('\n').at(-1)!) as { population: number; steps: number };
    expect(measured).toMatchObject({ population: 2000, steps: 1 });
  }, 90_000);

  it('refuses to empty a folder it did not make (exit 2)', async () => {
    const mine = join(mkdtempSync(join(tmpdir(), 'compiled-test-')), 'notes');
    mkdirSync(mine);
    const refused = await run('bash', ['bench/compiled.sh', mine], { cwd: root }).then(() => null, (error: { code: number; stderr: string }) => error);
    expect(refused?.code).toBe(2);
    expect(refused?.stderr).toContain('not a folder this script made');
  });
});
