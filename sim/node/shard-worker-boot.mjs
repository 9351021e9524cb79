// Starts a worker thread of a threaded run from source: registers tsx's TypeScript loader in
// this thread, then loads the real entry (compiled runs start shard-worker.js directly).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
