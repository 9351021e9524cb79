import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LONG_FILES } from './long-first-sequencer.js';

describe('the long files the suite starts first', () => {
  it('all exist under these names (a renamed file would silently lose its place)', () => {
    const root = new URL('..', import.meta.url).pathname;
    expect(LONG_FILES.filter((path) => !existsSync(root + path))).toEqual([]);
  });
});
