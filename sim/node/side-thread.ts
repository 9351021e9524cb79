import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { SideTask } from '../shards.js';
import { startWorker } from './start-worker.js';

/** What a side task's thread is started with (sim/node/side-worker.ts). */
export interface SideWorkerData {
  /** The worker's own module (see `startWorker`). */
  entry: string;
  /** Module (file URL) exporting `SIDE_TASKS`. */
  module: string;
  name: string;
  /** Answers posted so far (one Int32 on shared memory, notified at each). */
  answered: Int32Array;
  port: MessagePort;
}

/** One answer, or why there is none. */
export type SideReply = { answer: unknown; error?: undefined } | { error: string };

/**
 * A side task on a thread of its own: the thread builds the model's handler and answers each
 * message as it comes; the caller goes on meanwhile and waits only in `settle`. The answers
 * are read synchronously (`receiveMessageOnPort`), so `settle` returns like the inline task.
 */
export class SideThread implements SideTask {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly answered = new Int32Array(new SharedArrayBuffer(4));
  private posted = 0;
  private taken = 0;
  private closed = false;

  constructor(
    module: string,
    private readonly name: string,
    private readonly timeoutMs = 600_000,
  ) {
    const { port1, port2 } = new MessageChannel();
    const data: Omit<SideWorkerData, 'entry'> = { module, name, answered: this.answered, port: port2 };
    this.worker = startWorker('./side-worker', import.meta.url, data, [port2]);
    this.worker.unref();
    this.port = port1;
  }

  post(message: unknown): void {
    if (this.closed) throw new Error(`the side task '${this.name}' has been stopped`);
    this.port.postMessage(message);
    this.posted++;
  }

  settle(): unknown[] {
    const answers: unknown[] = [];
    const deadline = performance.now() + this.timeoutMs;
    while (this.taken < this.posted) {
      const received = receiveMessageOnPort(this.port);
      if (received) {
        this.taken++;
        const reply = received.message as SideReply;
        if (reply.error !== undefined) {
          this.close();
          throw new Error(`the side task '${this.name}' failed: ${reply.error}`);
        }
        answers.push(reply.answer);
        continue;
      }
      if (performance.now() > deadline) {
        this.close();
        throw new Error(`the side task '${this.name}' did not answer within ${this.timeoutMs} ms`);
      }
      // The thread counts an answer after posting it: wait until the count passes what was taken.
      const count = Atomics.load(this.answered, 0);
      if (count <= this.taken) Atomics.wait(this.answered, 0, count, 1000);
    }
    return answers;
  }

  /** Stops the thread; what it had left is dropped. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.port.close();
    void this.worker.terminate();
  }
}
