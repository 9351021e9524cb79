import type { NumberParam, ParamSpec, ParamTable } from '../../sim/params.js';
import { SLIDER_STEPS, sliderScale } from './slider-scale.js';
import { formatValue } from './story.js';

/** Called when the user settles on a new value (on release, not while dragging). */
export type OnCommit = (name: string, value: number | boolean | string) => void;

function tooltip(spec: ParamSpec): string {
  const unit = spec.kind === 'number' ? ` (${spec.unit}, ${formatValue(spec.min)}–${formatValue(spec.max)})` : '';
  return `${spec.meaning}${unit}${spec.source ? `\nWhy this default: ${spec.source}` : ''}`;
}

function numberControl(name: string, spec: NumberParam, value: number, onCommit: OnCommit): HTMLElement[] {
  const scale = sliderScale(spec);
  const input = document.createElement('input');
  Object.assign(input, { type: 'range', id: `param-${name}`, name, min: '0', max: String(SLIDER_STEPS), step: '1' });
  input.value = String(scale.toPosition(value));
  const output = document.createElement('output');
  output.htmlFor.add(input.id);
  const show = (v: number) => (output.textContent = `${formatValue(v)} ${spec.unit}`);
  show(value);
  input.setAttribute('aria-valuetext', `${formatValue(value)} ${spec.unit}`);
  input.addEventListener('input', () => show(scale.toValue(Number(input.value))));
  input.addEventListener('change', () => {
    const next = scale.toValue(Number(input.value));
    input.setAttribute('aria-valuetext', `${formatValue(next)} ${spec.unit}`);
    onCommit(name, next);
  });
  return [input, output];
}

function control(name: string, spec: ParamSpec, value: unknown, onCommit: OnCommit): HTMLElement[] {
  if (spec.kind === 'number') return numberControl(name, spec, Number(value), onCommit);
  if (spec.kind === 'boolean') {
    const input = document.createElement('input');
    Object.assign(input, { type: 'checkbox', id: `param-${name}`, name, checked: Boolean(value) });
    input.setAttribute('role', 'switch');
    input.addEventListener('change', () => onCommit(name, input.checked));
    return [input];
  }
  const select = document.createElement('select');
  Object.assign(select, { id: `param-${name}`, name });
  for (const option of spec.options) select.add(new Option(option, option, false, option === value));
  select.addEventListener('change', () => onCommit(name, select.value));
  return [select];
}

/** One parameter as a row: its meaning as the label (a sentence), its control, its value and unit. */
export function paramRow(name: string, spec: ParamSpec, value: unknown, onCommit: OnCommit): HTMLElement {
  const row = document.createElement('div');
  row.className = `param param-${spec.kind}`;
  row.title = tooltip(spec);
  const label = document.createElement('label');
  label.htmlFor = `param-${name}`;
  label.textContent = spec.meaning;
  const code = document.createElement('code');
  code.textContent = name;
  label.append(' ', code);
  row.append(label, ...control(name, spec, value, onCommit));
  return row;
}

/**
 * Every parameter, generated from the model's table: the ones listed in `first` (the scenario's
 * own settings) in an open group, the rest in collapsible groups by their `group`.
 */
export function paramControls(table: ParamTable, values: Record<string, unknown>, first: string[], onCommit: OnCommit): HTMLElement {
  const container = document.createElement('div');
  container.className = 'params';
  const groups = new Map<string, string[]>();
  const leading = first.filter((name) => name in table);
  if (leading.length > 0) groups.set('This scenario’s settings', leading);
  for (const name of Object.keys(table)) {
    if (leading.includes(name)) continue;
    const group = table[name]!.group ?? 'parameters';
    groups.set(group, [...(groups.get(group) ?? []), name]);
  }
  [...groups.entries()].forEach(([group, names], index) => {
    const details = document.createElement('details');
    details.open = index === 0;
    const summary = document.createElement('summary');
    summary.textContent = `${group.charAt(0).toUpperCase()}${group.slice(1)} (${names.length})`;
    details.append(summary, ...names.map((name) => paramRow(name, table[name]!, values[name], onCommit)));
    container.append(details);
  });
  return container;
}
