import { el } from './dom.js';
import type { Lesson } from './lessons.js';

/** The lesson bar: the question to answer before pressing Play, a place to write the prediction, and the Info panel. */
export function lessonPanel(lesson: Lesson): HTMLElement {
  const list = (items: string[]) => el('ul', {}, ...items.map((item) => el('li', {}, item)));
  const info = el('details', { class: 'info' },
    el('summary', {}, 'Info'),
    el('h4', {}, 'What is it?'), el('p', {}, lesson.info.what),
    el('h4', {}, 'How it works'), el('p', {}, lesson.info.how),
    el('h4', {}, 'How to use it'), el('p', {}, `Write down your answer, press Play, then change “${lesson.setting}” in Settings and run again. Setup builds a fresh world; the seed keeps the luck the same.`),
    el('h4', {}, 'Things to notice'), list(lesson.info.notice),
    el('h4', {}, 'Things to try'), list(lesson.info.tryThis),
  );
  return el('section', { class: 'lesson', 'aria-label': `Lesson: ${lesson.title}` },
    el('h2', {}, lesson.title),
    el('p', { class: 'question' }, el('strong', {}, 'Predict: '), lesson.question),
    el('label', { class: 'prediction' }, 'Your prediction ', el('input', { type: 'text', placeholder: 'before you press Play…', 'aria-label': 'Your prediction' })),
    info,
  );
}
