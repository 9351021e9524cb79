/// <reference lib="webworker" />
import { LiveRun } from './live-run.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { setUpRun } from './setup.js';
import { NORMAL_SPEED, paceFor } from './speed.js';

// The model runs here, off the page's thread. Frames are paced by the page: after each
// frame the worker waits for its buffer to come back (drawn) before the next batch, so a
// slow page never builds a queue and the buffer is reused rather than reallocated.

const scope = self as unknown as DedicatedWorkerGlobalScope;
let run: LiveRun | undefined;
let playing = false;
let speed = NORMAL_SPEED;
let spare: ArrayBuffer | undefined;
let awaitingPage = false;
let timer: ReturnType<typeof setTimeout> | undefined;

// Work per batch is capped so a fast speed never holds a frame back for long.
const BATCH_BUDGET_MS = 30;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function sendFrame(): void {
  if (!run) return;
  const frame = run.frame(playing, spare);
  spare = undefined;
  awaitingPage = true;
  post(frame, [frame.packed.buffer]);
}

function batch(): void {
  timer = undefined;
  if (!run || !playing || awaitingPage) return;
  run.advance(paceFor(speed).stepsPerBatch, BATCH_BUDGET_MS);
  if (run.done) playing = false;
  sendFrame();
}

function schedule(): void {
  if (playing && !awaitingPage && timer === undefined) timer = setTimeout(batch, paceFor(speed).delayMs);
}

function handle(message: ToWorker): void {
  switch (message.type) {
    case 'setup': {
      playing = false;
      const { sim, info } = setUpRun(message.request);
      run = new LiveRun(sim, info.totalSteps, () => performance.now());
      post({ type: 'ready', info });
      if (message.runTo) run.advance(message.runTo - sim.steps);
      awaitingPage = false;
      sendFrame();
      return;
    }
    case 'play':
      playing = !!run && !run.done;
      break;
    case 'pause':
      playing = false;
      if (run) sendFrame();
      break;
    case 'step':
      playing = false;
      if (run && !run.done) {
        run.advance(1);
        sendFrame();
      }
      break;
    case 'speed':
      speed = message.value;
      break;
    case 'overlay':
      if (run) run.overlay = message.serviceFunction;
      if (run && !playing) sendFrame();
      break;
    case 'focus':
      if (run) run.focus = message.community;
      if (run && !playing) sendFrame();
      break;
    case 'recycle':
      spare = message.buffer;
      awaitingPage = false;
      break;
  }
  schedule();
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  try {
    handle(event.data);
  } catch (error) {
    playing = false;
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
