import type { ScenarioEntry } from './scenarios.js';

/** The Info panel of a lesson, NetLogo-style. */
export interface LessonInfo {
  what: string;
  how: string;
  notice: string[];
  tryThis: string[];
}

/** A lesson: a scenario, the one setting to change, and a question to answer before pressing Play. */
export interface Lesson {
  id: string;
  title: string;
  /** A scenario file, or the first built-in scenario of a model. */
  scenario: { file?: string; model?: string };
  /** Settings the lesson starts from (`params.name=value`). */
  set: string[];
  /** The parameter the class changes. */
  setting: string;
  question: string;
  info: LessonInfo;
}

/** The built-in lessons; a lesson whose scenario is not built in is not offered. */
export const LESSONS: Lesson[] = [
  {
    id: 'random-exchange',
    title: 'Equal start, random trades',
    scenario: { file: 'scenarios/boltzmann.json' },
    set: [],
    setting: 'exchange',
    question: 'Everyone starts with the same wealth and gives one unit to a random person each month. After 500 months, is wealth still equal? Guess the Gini (0 = equal, 1 = one person has everything).',
    info: {
      what: 'The Boltzmann wealth model: the simplest economy there is. Nobody is smarter, luckier by design or greedier than anyone else.',
      how: 'Each step, every person with at least one unit gives one to another person chosen at random. Total wealth never changes.',
      notice: ['The Gini climbs fast, then settles near 0.5.', 'The histogram turns into a falling curve: many poor, few rich.', 'The rich are not the same people from one moment to the next.'],
      tryThis: ['Switch exchange to "continuous" and compare the final Gini.', 'Change the seed: does the final Gini change much?'],
    },
  },
  {
    id: 'saving',
    title: 'Does saving reduce inequality?',
    scenario: { file: 'scenarios/boltzmann.json' },
    set: ['params.exchange=continuous'],
    setting: 'savingShare',
    question: 'Now each trade pools two people’s wealth and splits it at random. If everyone keeps half of their wealth out of every trade, will inequality end higher or lower than with no saving?',
    info: {
      what: 'Random exchange with saving (Chakraborti & Chakrabarti, 2000).',
      how: 'Two people pool what they do not save and split the pool at a random share.',
      notice: ['With no saving the Gini settles near 0.5.', 'With saving the histogram grows a hump: a middle class.'],
      tryThis: ['Set the saving share to 0.9.', 'Compare saving 0 and 0.5 side by side in Compare mode.'],
    },
  },
  {
    id: 'segregation',
    title: 'Mild preferences, divided town?',
    scenario: { file: 'scenarios/schelling.json' },
    set: [],
    setting: 'threshold',
    question: 'Households move only if fewer than 37.5% of their neighbours are like them — most would happily live as a minority. Will the town stay mixed?',
    info: {
      what: 'Schelling’s segregation model (1971), the idea behind the Parable of the Polygons.',
      how: 'Each step, every unhappy household moves to a random empty cell. Nobody wants segregation; each only wants not to be too outnumbered.',
      notice: ['Clusters appear within a few steps.', 'The share of alike neighbours ends far above what anyone asked for.'],
      tryThis: ['Lower the threshold to 0.25: is there a point where the town stays mixed?', 'Raise it to 0.75: does everyone ever settle?'],
    },
  },
  {
    id: 'mutualism-communism',
    title: 'Keep what you make, or share it all?',
    scenario: { file: 'scenarios/mutualism.json', model: 'society' },
    set: [],
    setting: 'sharing',
    question: 'Communities start with sharing τ as set. With τ = 1 every member’s output is pooled and given out by need. Will inequality be lower — and will welfare be higher or lower — than with τ = 0?',
    info: {
      what: 'The society model: communities of self-managing people who produce, share, trade, vote and move.',
      how: 'Each month people choose how hard to work given what they keep; communities pool the shared part and give it out by need; assemblies vote on policy.',
      notice: ['The Lorenz curve and the Gini.', 'Whether communities vote their sharing up or down over time (the policy mix).'],
      tryThis: ['Compare τ = 0 and τ = 1 in Compare mode.', 'Turn off detection by group size and see what happens to large communities.'],
    },
  },
  {
    id: 'group-size',
    title: 'Is smaller better?',
    scenario: { model: 'society' },
    set: [],
    setting: 'trackableGroup',
    question: 'People can keep track of about 150 others. What happens to effort and free-riding in communities much larger than that? Predict before you lower or raise the number.',
    info: {
      what: 'The size channel: a shirker is named only with a chance that falls once a group outgrows what members can track.',
      how: 'Detection π = ω·min(1, D/N). Effort responds to the chance of being caught.',
      notice: ['The free-riding rate.', 'Which communities split, and how large they were.'],
      tryThis: ['Set D to 10,000 (everyone trackable).', 'Switch off "detection falls with group size".'],
    },
  },
];

/** The scenario file a lesson opens: its own file when built in, else the first scenario of its model. */
export function lessonScenario(lesson: Lesson, entries: ScenarioEntry[]): string | undefined {
  const byFile = lesson.scenario.file && entries.find((entry) => entry.file === lesson.scenario.file);
  if (byFile) return byFile.file;
  return lesson.scenario.model ? entries.find((entry) => entry.model === lesson.scenario.model)?.file : undefined;
}

/** The lessons this build can offer. */
export function availableLessons(entries: ScenarioEntry[]): Lesson[] {
  return LESSONS.filter((lesson) => lessonScenario(lesson, entries) !== undefined);
}
