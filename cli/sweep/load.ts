import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { getModel } from '../../models/index.js';
import { InputError } from '../../scenarios/errors.js';
import { loadScenario } from '../../scenarios/load.js';
import { parseSweep, type ResolvedSweep } from '../../scenarios/sweep-schema.js';

/** Reads and checks a sweep file and the scenario it starts from; bad input throws InputError before anything is written. */
export function loadSweep(file: string): ResolvedSweep {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(file, '(file)', 'an existing sweep file', code === 'ENOENT' ? 'no such file' : (error as Error).message);
  }
  return parseSweep(text, file, {
    loadScenario: (relative) => loadScenario(resolve(dirname(file), relative)),
    paramsOf: (model) => getModel(model).params,
  });
}
