import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  const finalPath = resolve(target);
  checkFolderFree(finalPath, options);
  mkdirSync(dirname(finalPath), { recursive: true });
  const temporary = mkdtempSync(join(dirname(finalPath), `.${basename(finalPath)}.partial-`));
  try {
    for (const [name, content] of Object.entries(files)) writeInside(temporary, name, content);
    if (options.overwrite) rmSync(finalPath, { recursive: true, force: true });
    else checkFolderFree(finalPath);
    renameSync(temporary, finalPath);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
  return finalPath;
}

/** Writes one file under the folder, refusing names that would land outside it. */
function writeInside(folder: string, name: string, content: string | Uint8Array): void {
  const path = resolve(folder, name);
  if (!path.startsWith(folder + '/') && !path.startsWith(folder + '\\')) throw new Error(`file name outside the run folder: ${name}`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
