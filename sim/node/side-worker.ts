import { workerData } from 'node:worker_threads';
import type { SideHandler, SideTasks } from '../shards.js';
import type { SideReply, SideWorkerData } from './side-thread.js';

/**
 * The thread of a side task (sim/node/side-thread.ts): builds the model's handler, then answers
 * each message in the order it came, counting every answer on shared memory so the caller,
 * waiting there, wakes to read it.
 */
const data = workerData as SideWorkerData;

async function build(): Promise<SideHandler> {
  const module = (await import(data.module)) as { SIDE_TASKS?: SideTasks };
  const make = module.SIDE_TASKS?.[data.name];
  if (!make) throw new Error(`${data.module} exports no side task '${data.name}'`);
  return make();
}

const handler = build();

data.port.on('message', (message: unknown) => {
  // Messages wait for the handler in the order they came (each continuation queues after the last).
  void handler.then(
    (built) => reply(() => ({ answer: built.handle(message) })),
    (error: unknown) => reply(() => ({ error: describe(error) })),
  );
});

function reply(answer: () => SideReply): void {
  let sent: SideReply;
  try {
    sent = answer();
  } catch (error) {
    sent = { error: describe(error) };
  }
  data.port.postMessage(sent);
  Atomics.add(data.answered, 0, 1);
  Atomics.notify(data.answered, 0);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
