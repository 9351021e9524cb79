// Starts a worker thread from source (a threaded run's, the snapshot writer's): registers tsx's TypeScript loader in
// this thread, then loads the real entry (compiled runs start their .js entry directly).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
