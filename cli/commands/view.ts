import type { CAC } from 'cac';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeValue, InputError } from '../../scenarios/errors.js';
import { RUN_PREFIX, startViewServer } from '../../viz/server.js';
import { optionalInteger } from '../options.js';

/** The built visualizer, wherever the package is installed. */
export const APP_DIR = fileURLToPath(new URL('../../viz/dist/', import.meta.url));
const VITE_CONFIG = fileURLToPath(new URL('../../viz/vite.config.ts', import.meta.url));

/** Checks that a run folder exists and holds metrics.csv (bad input otherwise). */
export function checkRunFolder(dir: string): string {
  const path = resolve(dir);
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new InputError('command line', '[run-dir]', 'an existing run folder', describeValue(dir));
  if (!existsSync(resolve(path, 'metrics.csv'))) throw new InputError(dir, 'metrics.csv', 'a run folder made by `polycentric run` (with metrics.csv)', 'no metrics.csv');
  return path;
}

/** Builds the app with Vite when viz/dist is missing (first use from a source checkout). */
export async function ensureAppBuilt(appDir = APP_DIR): Promise<void> {
  if (existsSync(resolve(appDir, 'index.html'))) return;
  console.log('building the visualizer (viz/dist) once…');
  const { build } = await import('vite');
  await build({ configFile: VITE_CONFIG, logLevel: 'warn' });
}

/** The page URL that opens a run in replay mode (or the live view without one). */
export function pageURL(base: string, withRun: boolean): string {
  return withRun ? `${base}#mode=replay&run=${encodeURIComponent(RUN_PREFIX.slice(1))}` : base;
}

/** `polycentric view [run-dir]`: serves the built visualizer, with that run loaded, until interrupted. */
export function register(cli: CAC): void {
  cli
    .command('view [run-dir]', 'Serve the visualizer (with a run folder loaded) and print its URL')
    .option('--port <n>', 'Port to listen on (default: a free one)')
    .option('--host <host>', 'Address to bind (default 127.0.0.1: this machine only)', { default: '127.0.0.1' })
    .example('polycentric view runs/default')
    .action(async (runDir: string | undefined, options: Record<string, unknown>) => {
      const port = optionalInteger(options.port, '--port') ?? 0;
      if (port > 65535) throw new InputError('command line', '--port', 'a port number up to 65535', String(port));
      const runPath = runDir === undefined ? undefined : checkRunFolder(runDir);
      await ensureAppBuilt();
      const view = await startViewServer({ appDir: APP_DIR, runDir: runPath }, String(options.host), port);
      console.log(`polycentric view: ${pageURL(view.url, runPath !== undefined)}`);
      console.log('serving only the app and the run folder; press Ctrl-C to stop');
      await new Promise<void>((done) => process.once('SIGINT', () => done()));
      await view.close();
    });
}
