import { button, el, setText } from './dom.js';
import { NORMAL_SPEED } from './speed.js';

/** What the standard controls drive (one run, or both sides of a comparison). */
export interface Runnable {
  setup(): void;
  togglePlay(): void;
  stepOnce(): void;
  setSpeed(value: number): void;
  setSeed(seed: number): void;
}

/**
 * The standard controls, the same in every view (NetLogo's setup · go · go-once): Setup,
 * Play/Pause, Step, a slow–fast slider, the step counter and the seed.
 */
export class RunControls {
  readonly element: HTMLElement;
  readonly playButton: HTMLButtonElement;
  readonly stepCount: HTMLOutputElement;
  readonly seedInput: HTMLInputElement;
  readonly rate: HTMLElement;

  constructor(target: Runnable) {
    this.playButton = button('▶ Play', () => target.togglePlay(), { id: 'play', class: 'primary', 'aria-keyshortcuts': 'Space' });
    this.stepCount = el('output', { id: 'step-count', 'aria-live': 'off' }, '0');
    this.seedInput = el('input', { id: 'seed', type: 'number', min: '0', step: '1', 'aria-label': 'Seed' });
    this.seedInput.addEventListener('change', () => {
      const seed = Number(this.seedInput.value);
      if (Number.isInteger(seed) && seed >= 0) target.setSeed(seed);
    });
    const speed = el('input', { id: 'speed', type: 'range', min: '0', max: '100', value: String(NORMAL_SPEED), 'aria-label': 'Speed: left slows down, right skips drawing' });
    speed.addEventListener('input', () => target.setSpeed(Number(speed.value)));
    this.rate = el('span', { id: 'rate', class: 'rate', title: 'Steps the model runs per second of computing time' }, '');
    this.element = el('div', { class: 'run-controls', role: 'toolbar', 'aria-label': 'Simulation controls' },
      button('Setup', () => target.setup(), { id: 'setup', 'aria-keyshortcuts': 'R', title: 'Build a fresh world (R)' }),
      this.playButton,
      button('Step', () => target.stepOnce(), { id: 'step', 'aria-keyshortcuts': 'S', title: 'One step (S)' }),
      el('label', { class: 'speed' }, 'slow ', speed, ' fast'),
      el('span', { class: 'counter' }, 'step ', this.stepCount),
      el('label', { class: 'seed' }, 'seed ', this.seedInput),
      this.rate,
    );
  }

  /** Shows the step, whether the run is playing, and the worker's speed. */
  show(step: number, total: number, playing: boolean, stepsPerSecond: number): void {
    setText(this.stepCount, `${step} / ${total}`);
    this.stepCount.dataset.step = String(step);
    setText(this.playButton, playing ? '❚❚ Pause' : '▶ Play');
    this.playButton.setAttribute('aria-pressed', String(playing));
    setText(this.rate, stepsPerSecond > 0 ? `${stepsPerSecond >= 100 ? Math.round(stepsPerSecond) : stepsPerSecond.toFixed(1)} steps/s` : '');
    this.rate.dataset.stepsPerSecond = String(stepsPerSecond);
  }
}
