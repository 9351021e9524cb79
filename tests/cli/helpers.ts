import { spawnSync } from 'node:child_process';
import { afterAll, vi } from 'vitest';
import { runCli } from '../../cli/program.js';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository root, where the CLI runs from in tests. */
export const ROOT = new URL('../../', import.meta.url).pathname;

/** What a CLI process did. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/polycentric.js ...args` (or a fixture entry) as a real process, stdout not a TTY. */
export function polycentric(args: string[], { entry = 'bin/polycentric.js', cwd = ROOT } = {}): CliResult {
  const script = join(ROOT, entry);
  const node = entry.endsWith('.ts') ? ['--import', 'tsx', script] : [script];
  const result = spawnSync(process.execPath, [...node, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratchFolders: string[] = [];
// Registered while a test file is collected, so it runs after that file's tests.
afterAll(() => scratchFolders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A fresh empty folder for one test's outputs (removed after the test file's tests). */
export function scratch(): string {
  const folder = mkdtempSync(join(tmpdir(), 'polycentric-cli-'));
  scratchFolders.push(folder);
  return folder;
}

/** The entries of a folder (to check that nothing was left behind). */
export function entries(folder: string): string[] {
  return readdirSync(folder).sort();
}

/** Runs the CLI inside this process (faster than a process; same code after argv), capturing its output. */
export async function polycentricInProcess(args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts) => void out.push(parts.join(' ') + '\n'));
  const info = vi.spyOn(console, 'info').mockImplementation((...parts) => void out.push(parts.join(' ') + '\n'));
  const error = vi.spyOn(console, 'error').mockImplementation((...parts) => void err.push(parts.join(' ') + '\n'));
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  try {
    const code = await runCli(['node', 'polycentric', ...args]);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    [log, info, error, write].forEach((spy) => spy.mockRestore());
  }
}
