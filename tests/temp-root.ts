import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest's global setup: every temporary folder the tests make (run folders, browser profiles,
 * sweeps, the CLI's own) goes under one fresh root, removed when the run ends — a test run
 * leaves nothing behind in the system's temporary folder. The root is passed on as TMPDIR, which
 * `os.tmpdir()` reads, so it reaches the test workers and every process they start.
 * POLYCENTRIC_KEEP_TMP=1 keeps it (its path is printed) for looking into a failure.
 */
export default function setup(): () => void {
  const system = tmpdir();
  const root = mkdtempSync(join(system, 'polycentric-tests-'));
  // tsx keeps its cache of compiled files in the temporary folder: point the root's at the
  // system's, so processes and threads started from source reuse it from run to run.
  // (Where links cannot be made, each run compiles afresh: slower, no less right.)
  const cache = `tsx-${process.geteuid?.() ?? userInfo().username}`;
  try {
    mkdirSync(join(system, cache), { recursive: true });
    symlinkSync(join(system, cache), join(root, cache), 'dir');
  } catch {
    // no shared cache
  }
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (process.env.POLYCENTRIC_KEEP_TMP) console.log(`temporary files kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
