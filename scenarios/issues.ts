import type { z } from 'zod';
import { describeValue } from './errors.js';

/** Where a field's value came from and what the message should call that field. */
export interface IssueReport {
  path: string;
  expected: string;
  found: string;
}

/** Turns one zod issue into the path, expectation and finding that an InputError names. */
export function reportIssue(issue: z.core.$ZodIssue, input: unknown, knownKeys: (path: string[]) => string[]): IssueReport {
  const segments = issue.path.map(String);
  const value = valueAt(input, segments);
  const path = segments.join('.');
  switch (issue.code) {
    case 'invalid_type':
      return { path, expected: typeName(issue.expected), found: describeValue(value) };
    case 'too_big':
      return { path, expected: `a number ${issue.inclusive ? '≤' : '<'} ${issue.maximum}`, found: describeValue(value) };
    case 'too_small':
      return { path, expected: boundBelow(issue), found: describeValue(value) };
    case 'invalid_value':
      return { path, expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, found: describeValue(value) };
    case 'unrecognized_keys':
      return unknownKeyReport(segments, issue.keys[0]!, knownKeys(segments));
    default:
      return { path, expected: issue.message.replace(/^Invalid input: expected /, ''), found: describeValue(value) };
  }
}

/** The value at a path inside parsed JSON (undefined where the path leads nowhere). */
export function valueAt(input: unknown, segments: readonly string[]): unknown {
  let current = input;
  for (const key of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function typeName(expected: string): string {
  if (expected === 'int') return 'an integer';
  if (expected === 'object' || expected === 'array') return `an ${expected}`;
  return `a ${expected}`;
}

function boundBelow(issue: z.core.$ZodIssueTooSmall): string {
  if (issue.origin === 'string') return 'a non-empty string';
  return `a number ${issue.inclusive ? '≥' : '>'} ${issue.minimum}`;
}

/** Unknown keys name the keys that are allowed, and the nearest one when it looks like a typo. */
function unknownKeyReport(segments: string[], key: string, known: string[]): IssueReport {
  const path = [...segments, key].join('.');
  const nearest = nearestName(key, known);
  const hint = nearest ? ` (did you mean "${nearest}"?)` : '';
  // Long lists (the society model has dozens of parameters) would bury the hint; the docs list them all.
  const expected = known.length <= 12 ? `one of the known keys: ${known.join(', ')}` : `one of the ${known.length} known keys (docs/scenarios.md lists them)`;
  return { path, expected, found: `unknown key "${key}"${hint}` };
}

/** The known name closest to a misspelt one, if it is within a third of its length in edits. */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** Levenshtein distance with a single rolling row. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
