// Starts a worker thread from source (see start-worker.ts): registers tsx's TypeScript loader in
// this thread, then loads the real entry (compiled, the entry's .js starts directly).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
