import type { SimEvent } from '../../sim/events.js';
import type { MetricsTable } from './run-folder.js';
import { setText } from './dom.js';
import { keyMoments, type KeyMoment } from './story.js';
import { summariseRun, type RunFacts } from './summary.js';

/** The story of a run: a plain-language summary and up to three key moments (buttons that move time there). */
export class StoryPanel {
  readonly element: HTMLElement;
  onSeek: (step: number) => void = () => {};
  moments: KeyMoment[] = [];
  private readonly summary: HTMLElement;
  private readonly list: HTMLElement;
  private listed = '';

  constructor() {
    this.element = document.createElement('section');
    this.element.className = 'story';
    this.element.setAttribute('aria-live', 'polite');
    const heading = document.createElement('h2');
    heading.textContent = 'The story so far';
    this.summary = document.createElement('p');
    this.summary.className = 'summary';
    this.list = document.createElement('ol');
    this.list.className = 'moments';
    this.element.append(heading, this.summary, this.list);
  }

  /** Rewrites the story from the run's metrics and events (deterministic: same run, same words). */
  update(facts: RunFacts, table: MetricsTable, events: SimEvent[]): void {
    if (table.rows === 0) return;
    this.moments = keyMoments(table, events);
    setText(this.summary, summariseRun(facts, table, events).join(' '));
    // The list is rebuilt only when the moments change: it is rewritten twice a second while a run plays.
    const listed = JSON.stringify(this.moments);
    if (listed === this.listed) return;
    this.listed = listed;
    this.list.replaceChildren(
      ...this.moments.map((moment) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'link';
        button.textContent = `step ${moment.step}: ${moment.label}`;
        button.addEventListener('click', () => this.onSeek(moment.step));
        item.append(button);
        return item;
      }),
    );
  }
}
