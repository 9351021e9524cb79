import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const run = (args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/index.ts', ...args], { cwd: root });

describe('npm run bench', () => {
  it('prints one JSON object of snake_case figures with --json', async () => {
    const { stdout } = await run(['--json', '--quick', '--only', 'engine']);
    const figures = JSON.parse(stdout) as Record<string, unknown>;
    expect(figures.boltzmann_ratio_vs_typed_array).toBeGreaterThan(0);
    expect(figures.node_version).toBe(process.version);
    for (const key of Object.keys(figures)) expect(key).toMatch(/^[a-z0-9_]+$/);
  }, 60_000);

  it('prints each benchmark with its baseline and the ratio as a table', async () => {
    const { stdout } = await run(['--quick', '--only=engine']);
    expect(stdout).toMatch(/Boltzmann, engine, N=100k.*\n\s+baseline: Boltzmann, plain typed-array loop, N=100k.*\n\s+ratio: .*target ≥ 0\.5/);
  }, 60_000);

  it('refuses an unknown suite with exit code 2, naming the known ones', async () => {
    const failure = await run(['--only', 'nonesuch']).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('engine, society, sweep');
  }, 30_000);
});
