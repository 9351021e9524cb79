import type { CAC } from 'cac';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../scenarios/load.js';

/** The folder of built-in scenarios, wherever the package is installed. */
export const BUILT_IN_SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** `polycentric list`: the built-in scenarios, one line each (file, model, description). */
export function register(cli: CAC): void {
  cli
    .command('list', 'List the built-in scenarios')
    .example('polycentric list')
    .action(() => {
      const rows = builtInScenarioRows();
      const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
      for (const row of rows) console.log(`${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]}`);
    });
}

/** [file, model, description] for each scenarios/*.json, sorted by file; broken files say why. */
export function builtInScenarioRows(folder = BUILT_IN_SCENARIOS): string[][] {
  const files = readdirSync(folder).filter((name) => name.endsWith('.json') && name !== 'schema.json').sort();
  return files.map((name) => {
    const file = relative(process.cwd(), join(folder, name)) || name;
    try {
      const scenario = loadScenario(file);
      return [file, scenario.model, scenario.description];
    } catch (error) {
      return [file, '(invalid)', (error as Error).message];
    }
  });
}
