import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The .ts files under a folder, as paths from the repository root. */
function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name))
    .sort();
}

/** A file's code without its comments (so a comment may name what the code must not do). */
function code(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Every module a file imports at run time (type-only imports are erased and do not count). */
function runtimeImports(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gm)) if (!match[2]) found.push(match[3]!);
  for (const match of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push(match[1]!);
  // `typeof import('x')` is a type, erased like a type-only import.
  for (const match of text.matchAll(/(?<!typeof\s+)\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found;
}

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
/** Code that must run in browsers and workers: the engine (but sim/node/), the models, the scenarios. */
const portable = [...sources('sim').filter((file) => !file.startsWith('sim/node/')), ...sources('models'), ...sources('scenarios')];

describe('the project’s rules on imports and randomness', () => {
  it('finds the portable code to check', () => {
    expect(portable).toContain('sim/rng.ts');
    expect(portable).toContain('scenarios/load.ts');
    expect(portable.some((file) => file.startsWith('models/society/'))).toBe(true);
    expect(portable.some((file) => file.startsWith('sim/node/'))).toBe(false);
  });

  it('imports no Node built-in in sim/ (but sim/node/), models/ or scenarios/', () => {
    const offenders = portable.flatMap((file) => runtimeImports(code(file)).filter((spec) => builtins.has(spec)).map((spec) => `${file}: ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('reaches Node’s file system only through the one guarded lookup of scenarios/load.ts', () => {
    // loadScenario lives beside parseScenario (the browser imports the latter from the same module),
    // so it looks fs up when called instead of importing it: the module itself loads anywhere.
    const nodeGlobals = /getBuiltinModule|globalThis\.process|\bprocess\.(env|argv|cwd|exit|stdout|stderr|hrtime|memoryUsage|platform|versions?)\b|\b(Buffer|__dirname|__filename)\b/;
    const users = portable.filter((file) => nodeGlobals.test(code(file)));
    expect(users).toEqual(['scenarios/load.ts']);
  });

  it('draws no unseeded randomness and reads no clock in sim/ (but sim/node/), models/ or scenarios/', () => {
    const forbidden = /Math\.random\s*\(|Date\.now\s*\(|performance\.now\s*\(|new Date\s*\(/;
    expect(portable.filter((file) => forbidden.test(code(file)))).toEqual([]);
  });

  it('lets imports flow one way: sim ← models ← scenarios ← cli, viz', () => {
    const layers: Record<string, string[]> = { sim: ['models', 'scenarios', 'cli', 'viz', 'bench'], models: ['scenarios', 'cli', 'viz', 'bench'], scenarios: ['cli', 'viz', 'bench'] };
    const offenders: string[] = [];
    for (const [layer, above] of Object.entries(layers)) {
      for (const file of sources(layer)) {
        for (const spec of runtimeImports(code(file)).filter((s) => s.startsWith('.'))) {
          const target = relative(ROOT, join(ROOT, file, '..', spec)).split('/')[0]!;
          if (above.includes(target)) offenders.push(`${file} → ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
