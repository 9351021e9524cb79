/** The views the app can open in. */
export type Mode = 'live' | 'replay' | 'compare';

/** What a shareable link holds: the view, the scenario(s), the seed and changed parameters. */
export interface LinkState {
  mode: Mode;
  scenario?: string;
  /** The second scenario in compare mode. */
  scenarioB?: string;
  seed?: number;
  /** Parameter values changed from the scenario's, as `--set` would write them (`name=value`). */
  set: string[];
  /** A served run folder to replay (a URL path ending in /). */
  run?: string;
  lesson?: string;
}

const MODES: Mode[] = ['live', 'replay', 'compare'];

/** Writes the state into a URL hash (`#mode=live&scenario=…&seed=7&set=sharing%3D0.8`). */
export function encodeLink(state: LinkState): string {
  const query = new URLSearchParams();
  query.set('mode', state.mode);
  if (state.scenario) query.set('scenario', state.scenario);
  if (state.scenarioB) query.set('b', state.scenarioB);
  if (state.seed !== undefined) query.set('seed', String(state.seed));
  for (const assignment of state.set) query.append('set', assignment);
  if (state.run) query.set('run', state.run);
  if (state.lesson) query.set('lesson', state.lesson);
  return '#' + query.toString();
}

/** Reads a URL hash back; anything malformed is dropped rather than trusted. */
export function decodeLink(hash: string): LinkState {
  const query = new URLSearchParams(hash.replace(/^#/, ''));
  const mode = query.get('mode') as Mode | null;
  const seedText = query.get('seed');
  const seed = seedText !== null && /^\d+$/.test(seedText) ? Number(seedText) : undefined;
  return {
    mode: mode && MODES.includes(mode) ? mode : query.has('run') ? 'replay' : 'live',
    scenario: query.get('scenario') ?? undefined,
    scenarioB: query.get('b') ?? undefined,
    seed,
    set: query.getAll('set').filter((assignment) => /^[\w.]+=[^=]*$/.test(assignment)),
    run: query.get('run') ?? undefined,
    lesson: query.get('lesson') ?? undefined,
  };
}
