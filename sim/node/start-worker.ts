import { Worker, type Transferable } from 'node:worker_threads';

/**
 * Starts a worker thread on the module `sibling` (a path without its extension, relative to
 * `base`, the caller's `import.meta.url`). Compiled, the thread starts on the module's .js. From
 * source the module is TypeScript, which a fresh thread cannot load: the thread starts on the
 * boot file beside this one, which registers tsx's loader and then imports the module. Either
 * way the module finds its own URL in `workerData.entry`, beside `data`.
 */
export function startWorker(sibling: string, base: string, data: object, transferList?: readonly Transferable[]): Worker {
  const fromSource = base.endsWith('.ts');
  const file = new URL(`${sibling}${fromSource ? '.ts' : '.js'}`, base);
  const entry = fromSource ? new URL('./shard-worker-boot.mjs', import.meta.url) : file;
  return new Worker(entry, { workerData: { ...data, entry: file.href }, transferList: transferList as Transferable[] | undefined });
}
