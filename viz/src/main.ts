import { CompareView } from './compare-view.js';
import { button, el, typingIn } from './dom.js';
import { download, metricsToCSV } from './export.js';
import { lessonPanel } from './lesson-panel.js';
import { availableLessons, lessonScenario } from './lessons.js';
import { LiveView } from './live-view.js';
import { ReplayView } from './replay-view.js';
import { defaultScenario, scenarioEntries } from './scenarios.js';
import { decodeLink, encodeLink, type LinkState, type Mode } from './url-state.js';

const entries = scenarioEntries();
const lessons = availableLessons(entries);
const link = decodeLink(location.hash);
const known = (file: string | undefined) => (file && entries.some((entry) => entry.file === file) ? file : undefined);
let state: LinkState = { ...link, scenario: known(link.scenario) ?? defaultScenario(entries)?.file };

const root = document.getElementById('app')!;
const content = el('main', { id: 'content' });
const lessonSlot = el('div', { class: 'lesson-slot' });
const linkOutput = el('input', { id: 'share-link', readonly: '', 'aria-label': 'Shareable link', hidden: '' });
let live: LiveView | undefined;
let replay: ReplayView | undefined;
let compare: CompareView | undefined;

function remember(next: Partial<LinkState>): void {
  state = { ...state, ...next };
  document.body.dataset.mode = state.mode;
  history.replaceState(null, '', encodeLink(state));
}

function scenarioPicker(): HTMLSelectElement {
  const select = el('select', { id: 'scenario', 'aria-label': 'Scenario' });
  for (const entry of entries) select.add(new Option(entry.name, entry.file, false, entry.file === state.scenario));
  select.title = entries.find((entry) => entry.file === state.scenario)?.description ?? '';
  select.addEventListener('change', () => {
    remember({ scenario: select.value, set: [], lesson: undefined });
    lessonSlot.replaceChildren();
    startLive();
  });
  return select;
}

function lessonPicker(): HTMLSelectElement {
  const select = el('select', { id: 'lesson', 'aria-label': 'Lesson' });
  select.add(new Option('Lessons…', ''));
  for (const lesson of lessons) select.add(new Option(lesson.title, lesson.id, false, lesson.id === state.lesson));
  select.addEventListener('change', () => openLesson(select.value));
  return select;
}

function openLesson(id: string): void {
  const lesson = lessons.find((candidate) => candidate.id === id);
  if (!lesson) return;
  remember({ mode: 'live', lesson: id, scenario: lessonScenario(lesson, entries), set: lesson.set });
  lessonSlot.replaceChildren(lessonPanel(lesson));
  startLive([lesson.setting]);
}

function startLive(focus: string[] = []): void {
  stopAll();
  if (!state.scenario) {
    content.replaceChildren(el('p', { class: 'message error' }, 'No built-in scenarios were found (scenarios/*.json).'));
    return;
  }
  live = new LiveView({ file: state.scenario, seed: state.seed, set: state.set });
  live.focusParams = focus;
  live.onSettings = (settings) => remember({ mode: 'live', scenario: settings.file, seed: settings.seed, set: settings.set });
  content.replaceChildren(lessonSlot, live.element);
  live.setup();
}

function startReplay(): void {
  stopAll();
  replay = new ReplayView();
  content.replaceChildren(replay.element);
  if (state.run) void replay.openURL(state.run);
}

function startCompare(): void {
  stopAll();
  // Without a chosen pair, the comparison writers ask for first: mutualism against communism.
  const pair = ['scenarios/mutualism.json', 'scenarios/communism.json'].every((file) => known(file));
  const chosenB = known(state.scenarioB);
  const a = (chosenB ? state.scenario : pair ? 'scenarios/mutualism.json' : state.scenario) ?? entries[0]?.file ?? '';
  const b = chosenB ?? (pair ? 'scenarios/communism.json' : entries.find((entry) => entry.file !== a)?.file ?? a);
  compare = new CompareView(entries, a, b, state.seed);
  compare.onSettings = (fileA, fileB, seed) => remember({ mode: 'compare', scenario: fileA, scenarioB: fileB, seed });
  content.replaceChildren(compare.element);
  compare.setup();
}

function stopAll(): void {
  live?.session.close();
  replay = undefined;
  compare?.close();
  live = undefined;
  compare = undefined;
}

function switchMode(mode: Mode): void {
  remember({ mode });
  for (const tab of document.querySelectorAll<HTMLButtonElement>('.modes button')) tab.setAttribute('aria-selected', String(tab.dataset.mode === mode));
  if (mode === 'live') startLive();
  else if (mode === 'replay') startReplay();
  else startCompare();
}

function exportCSV(): void {
  const table = live?.session.history?.table() ?? compare?.sides[0].session.history?.table();
  if (table) download('metrics.csv', metricsToCSV(table), 'text/csv');
}

function shareLink(): void {
  const url = location.href.split('#')[0] + encodeLink(state);
  linkOutput.hidden = false;
  linkOutput.value = url;
  linkOutput.select();
  void navigator.clipboard?.writeText(url).catch(() => {});
}

function header(): HTMLElement {
  const tabs = el('nav', { class: 'modes', role: 'tablist', 'aria-label': 'View' },
    ...(['live', 'replay', 'compare'] as Mode[]).map((mode) => button(mode[0]!.toUpperCase() + mode.slice(1), () => switchMode(mode), { role: 'tab', 'data-mode': mode, 'aria-selected': String(state.mode === mode) })),
  );
  return el('header', { class: 'app-header' },
    el('h1', {}, 'polycentric'),
    tabs,
    scenarioPicker(),
    lessonPicker(),
    el('span', { class: 'spacer' }),
    button('CSV', exportCSV, { id: 'export-csv', title: 'Download the metrics so far as CSV' }),
    button('Link', shareLink, { id: 'share', title: 'A link that opens this scenario, seed and settings' }),
    linkOutput,
  );
}

// Keyboard: Space plays or pauses, S steps, R sets up — as long as no text field has the focus.
document.addEventListener('keydown', (event) => {
  if (typingIn(event) || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = live ?? compare;
  if (!target) return;
  if (event.key === ' ' && !(event.target instanceof HTMLButtonElement)) {
    event.preventDefault();
    target.togglePlay();
  } else if (event.key === 's') target.stepOnce();
  else if (event.key === 'r') target.setup();
});

// A link pasted into this tab changes only the hash: open what it names.
window.addEventListener('hashchange', () => {
  const next = decodeLink(location.hash);
  state = { ...next, scenario: known(next.scenario) ?? defaultScenario(entries)?.file };
  root.replaceChildren(header(), content);
  lessonSlot.replaceChildren();
  if (state.lesson && state.mode === 'live') openLesson(state.lesson);
  else switchMode(state.mode);
});

root.replaceChildren(header(), content);
if (state.lesson && state.mode === 'live') openLesson(state.lesson);
else switchMode(state.mode);
