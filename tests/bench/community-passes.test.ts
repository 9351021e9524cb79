import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { communityPasses } from '../../bench/community-passes.js';

const root = new URL('../..', import.meta.url).pathname;

describe('the cost of a pass over the communities', () => {
  it('times the column first and each pass against it, each reading the values it names', () => {
    const result = communityPasses(2000, 1, 2);
    expect(result.communities).toBeGreaterThanOrEqual(20);
    expect(result.passes.map((p) => p.objects)).toEqual([0, 1, 2, 3, 5]);
    const [column, community, onePart] = result.passes;
    expect(column!.ratioToColumn).toBe(1);
    // The column holds each community's detection, in order: the same sum as the pass through governance.
    expect(column!.checksum).toBe(onePart!.checksum);
    expect(community!.checksum).toBeGreaterThan(1000);
    for (const pass of result.passes) {
      expect(pass.microseconds).toBeGreaterThanOrEqual(0);
      expect(pass.nsPerCommunity).toBeGreaterThanOrEqual(0);
    }
  }, 60_000);

  it('refuses arguments it cannot use (exit 2, with its usage)', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/community-passes.ts', '50'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: bench/community-passes.ts');
  });
});
