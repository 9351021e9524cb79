import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('hidden classes of communities', () => {
  it('stay one per kind of object as communities are founded (a run of two years), are not replaced mid-run, and keep numbers unboxed', () => {
    const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--expose-gc', '--import', 'tsx', 'bench/hidden-classes.ts', '10000', '24'], { cwd: ROOT, encoding: 'utf8' });
    const lines = run.stdout.trim().split('\n');
    // Every number field of communities, syndicates and federations is stored in place.
    expect(lines.pop()).toBe('number fields boxed on every store: 0');
    expect(lines).toHaveLength(24);
    // Communities are founded in these two years, so the check covers new ones too.
    const counts = lines.map((line) => Number(/(\d+) communities/.exec(line)![1]));
    expect(counts.at(-1)!).toBeGreaterThan(counts[0]!);
    expect(lines.filter((line) => !line.includes(', 0 differing;'))).toEqual([]);
    // No class is replaced mid-run: federations are formed in the second year, and their dues,
    // pools and the members' paid and received turn fractional then (sim/double-fields.ts).
    const federations = lines.map((line) => Number(/(\d+) federations/.exec(line)![1]));
    expect(federations.at(-1)!).toBeGreaterThan(0);
    expect(lines.filter((line) => !line.endsWith('; 0 replaced since the build'))).toEqual([]);
    expect(run.status).toBe(0);
  }, 60_000);
});
