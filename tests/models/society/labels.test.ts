import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PHASES = fileURLToPath(new URL('../../../models/society/phases/', import.meta.url));
const LABELS = ['mutualis', 'communis', 'hybrid', "'state'", '"state"', 'social-democratic', 'socialdemocratic', 'scenario', '.name', 'regime', 'share_communist', 'share_mutualist'];

describe('mechanisms, not conclusions', () => {
  it('no phase reads a scenario name or a regime label', () => {
    const files = readdirSync(PHASES).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const code = readFileSync(PHASES + file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .toLowerCase();
      for (const label of LABELS) expect(code.includes(label), `${file} mentions ${label}`).toBe(false);
    }
  });
});
