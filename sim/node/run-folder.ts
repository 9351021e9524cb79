import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/** The target folder exists and overwriting was not asked for (bad input: nothing was written). */
export class FolderExistsError extends Error {
  constructor(readonly folder: string) {
    super(`${folder}: the output folder already exists (choose another --out, or remove it)`);
    this.name = 'FolderExistsError';
  }
}

/** Options for writing a run folder. */
export interface WriteFolderOptions {
  /** Replace an existing folder at the target (default: refuse). */
  overwrite?: boolean;
  /**
   * Remove temporary folders that killed processes left beside the target (default: true). A sweep,
   * which writes thousands of folders side by side and tidies its own on --resume, turns it off:
   * each check lists the parent folder.
   */
  clearStale?: boolean;
}

/** Throws FolderExistsError when the target exists and may not be replaced. */
export function checkFolderFree(target: string, { overwrite = false }: WriteFolderOptions = {}): void {
  if (!overwrite && existsSync(target)) throw new FolderExistsError(target);
}

/**
 * Writes files (relative path → content; paths may contain folders) into a temporary folder
 * beside the target, then renames it into place, so readers never see a half-written folder.
 * On any failure the temporary folder is removed and the target is left as it was.
 */
export function writeFolderAtomically(target: string, files: Record<string, string | Uint8Array>, options: WriteFolderOptions = {}): string {
  const folder = new PendingFolder(target, options);
  try {
    for (const [name, content] of Object.entries(files)) folder.write(name, content);
    return folder.commit();
  } catch (error) {
    folder.discard();
    throw error;
  }
}

/**
 * A run folder written a file at a time (so large files need not wait in memory) into a hidden
 * temporary folder beside the target, renamed into place by `commit`; `discard` removes it.
 */
export class PendingFolder {
  private readonly finalPath: string;
  private readonly temporary: string;

  constructor(target: string, private readonly options: WriteFolderOptions = {}) {
    this.finalPath = resolve(target);
    checkFolderFree(this.finalPath, options);
    this.temporary = temporaryFolderFor(this.finalPath, options);
  }

  /** Writes one file (a path relative to the folder; names outside it are refused). */
  write(name: string, content: string | Uint8Array): void {
    writeInside(this.temporary, name, content);
  }

  /** The path a file of the folder is written at (its parent folders made; names outside it are refused). */
  filePath(name: string): string {
    return insidePath(this.temporary, name);
  }

  /** Adds to the end of one file (created if missing): for files written as a run goes. */
  append(name: string, content: string): void {
    writeInside(this.temporary, name, content, true);
  }

  /** Renames the folder into place (replacing the target only with `overwrite`); returns its path. */
  commit(): string {
    if (this.options.overwrite) rmSync(this.finalPath, { recursive: true, force: true });
    else checkFolderFree(this.finalPath);
    renameSync(this.temporary, this.finalPath);
    return this.finalPath;
  }

  /** Removes the temporary folder and all written so far. */
  discard(): void {
    rmSync(this.temporary, { recursive: true, force: true });
  }
}

/**
 * A fresh hidden temporary folder beside a target (its parents created), to be renamed into place
 * when complete. Temporary folders that killed processes left for the same target are removed first.
 */
export function temporaryFolderFor(target: string, { clearStale = true }: Pick<WriteFolderOptions, 'clearStale'> = {}): string {
  const finalPath = resolve(target);
  mkdirSync(dirname(finalPath), { recursive: true });
  if (clearStale) removeStalePartials(finalPath);
  return mkdtempSync(join(dirname(finalPath), `${partialPrefix(finalPath)}${process.pid}-`));
}

/**
 * The start of the temporary folders' names for a target: hidden, named after the target, with
 * this machine's name (a shared file system may hold partial folders of other machines' processes).
 */
function partialPrefix(finalPath: string): string {
  return `.${basename(finalPath)}.partial-${hostname().replace(/[^\w.-]+/g, '_')}-`;
}

/**
 * Removes temporary folders for this target left by processes of this machine that no longer
 * exist (a run killed while writing). Those of live processes, or of other machines, are kept.
 */
export function removeStalePartials(finalPath: string): string[] {
  const prefix = partialPrefix(finalPath);
  const removed: string[] = [];
  for (const name of readdirSync(dirname(finalPath))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    rmSync(join(dirname(finalPath), name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** Whether a process of this machine exists (signal 0 checks without sending anything). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes one file under the folder, refusing names that would land outside it. */
function writeInside(folder: string, name: string, content: string | Uint8Array, append = false): void {
  const path = insidePath(folder, name);
  if (append) appendFileSync(path, content);
  else writeFileSync(path, content);
}

/** The path of a file under the folder (its parent folders made), refusing names that would land outside it. */
function insidePath(folder: string, name: string): string {
  const path = resolve(folder, name);
  if (!path.startsWith(folder + '/') && !path.startsWith(folder + '\\')) throw new Error(`file name outside the run folder: ${name}`);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}
