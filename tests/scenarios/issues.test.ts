import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { nearestName, reportIssue } from '../../scenarios/issues.js';

describe('reporting schema issues', () => {
  it('suggests the nearest known name only when it is a plausible typo', () => {
    expect(nearestName('sharng', ['sharing', 'exitShare'])).toBe('sharing');
    expect(nearestName('Agents', ['agents'])).toBe('agents');
    expect(nearestName('population', ['sharing', 'exitShare'])).toBeUndefined();
  });

  it('lists a few known keys in full and points to the docs for many', () => {
    const input = { params: { zzz: 1 } };
    const issue = z.strictObject({ params: z.strictObject({}) }).safeParse(input).error!.issues[0]!;
    const few = reportIssue(issue, input, () => ['a', 'b']);
    expect(few).toEqual({ path: 'params.zzz', expected: 'one of the known keys: a, b', found: 'unknown key "zzz"' });
    const many = reportIssue(issue, input, () => Array.from({ length: 20 }, (_, i) => `key${i}`));
    expect(many.expected).toBe('one of the 20 known keys (docs/scenarios.md lists them)');
  });
});
