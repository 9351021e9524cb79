import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SOCIETY = fileURLToPath(new URL('../../../models/society/', import.meta.url));
/** Folders of mechanisms: the phases and every folder of code they call. */
const FOLDERS = ['phases', 'governance', 'association', 'economy', 'services', 'knowledge', 'defence', 'crises', 'ecology', 'people', 'communities', 'land', 'books'];
const LABELS = ['mutualis', 'communis', 'hybrid', "'state'", '"state"', 'social-democratic', 'socialdemocratic', 'scenario', '.name', 'regime', 'share_communist', 'share_mutualist', 'atomi', 'cohesive'];

describe('mechanisms, not conclusions', () => {
  for (const folder of FOLDERS) {
    it(`no code in ${folder}/ reads a scenario name or a regime label`, () => {
      const files = readdirSync(SOCIETY + folder).filter((file) => file.endsWith('.ts'));
      expect(files.length).toBeGreaterThanOrEqual(folder === 'phases' ? 15 : 1);
      for (const file of files) {
        const code = readFileSync(`${SOCIETY}${folder}/${file}`, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\/\/.*$/gm, '')
          .toLowerCase();
        for (const label of LABELS) expect(code.includes(label), `${folder}/${file} mentions ${label}`).toBe(false);
      }
    });
  }
});
