/// <reference types="vite/client" />

// The built-in scenarios, bundled as text at build time (the same files the CLI reads).
const raw = import.meta.glob<string>('../../scenarios/*.json', { query: '?raw', import: 'default', eager: true });

/** Every built-in scenario's text, keyed `scenarios/<name>.json` as the CLI would name it. */
export const SCENARIO_TEXTS: Record<string, string> = Object.fromEntries(
  Object.entries(raw).map(([path, text]) => [path.replace(/^(\.\.\/)+/, ''), text]),
);

/** A scenario as the picker lists it. */
export interface ScenarioEntry {
  file: string;
  name: string;
  model: string;
  description: string;
}

/** The picker's list: default first, then by name; files that are not scenarios (e.g. sweeps) left out. */
export function scenarioEntries(texts: Record<string, string> = SCENARIO_TEXTS): ScenarioEntry[] {
  const entries: ScenarioEntry[] = [];
  for (const [file, text] of Object.entries(texts)) {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(text) as Record<string, unknown>;
    } catch {
      continue;
    }
    const base = file.replace(/^.*\//, '').replace(/\.json$/, '');
    if (typeof data.model !== 'string' && typeof data.extends !== 'string') continue;
    entries.push({ file, name: typeof data.name === 'string' ? data.name : base, model: typeof data.model === 'string' ? data.model : '', description: typeof data.description === 'string' ? data.description : '' });
  }
  const rank = (entry: ScenarioEntry) => (entry.file.endsWith('/default.json') ? 0 : 1);
  return entries.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** The scenario a fresh page opens with. */
export function defaultScenario(entries: ScenarioEntry[]): ScenarioEntry | undefined {
  return entries[0];
}
