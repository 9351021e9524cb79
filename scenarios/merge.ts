import { describeValue, InputError } from './errors.js';

/** Reads a scenario file's text; throws InputError when it cannot. */
export type ReadText = (file: string) => string;

/** A scenario's fields with its `extends` chain merged, and which file (or override) set each field. */
export interface MergedScenario {
  data: Record<string, unknown>;
  /** Dotted field path → where its value came from (a file name, or the override that set it). */
  origins: Map<string, string>;
}

/** Parses a scenario file's text as a JSON object; errors give the line and column. */
export function parseJsonObject(text: string, file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, '(file)', 'valid JSON', describeJsonError(text, (error as Error).message));
  }
  if (!isPlainObject(value)) throw new InputError(file, '(top level)', 'a JSON object { "model": … }', describeValue(value));
  return value;
}

/** Merges the chain of `extends` (parents first, then the child); `name` is never inherited. */
export function mergeExtends(data: Record<string, unknown>, file: string, read?: ReadText, chain: string[] = []): MergedScenario {
  const { extends: parentPath, ...own } = data;
  if (parentPath === undefined) return { data: own, origins: leafOrigins(own, file) };
  if (typeof parentPath !== 'string' || parentPath === '') {
    throw new InputError(file, 'extends', 'a relative path to another scenario file', describeValue(parentPath));
  }
  const parentFile = resolveRelative(file, parentPath);
  if ([...chain, file].includes(parentFile)) {
    throw new InputError(file, 'extends', 'a chain of files without a cycle', [...chain, file, parentFile].join(' → '));
  }
  if (!read) throw new InputError(file, 'extends', 'a scenario without "extends" (files cannot be read here)', JSON.stringify(parentPath));
  const parent = mergeExtends(parseJsonObject(read(parentFile), parentFile), parentFile, read, [...chain, file]);
  delete parent.data.name;
  const merged = deepMerge(parent.data, own);
  for (const [path, origin] of leafOrigins(own, file)) parent.origins.set(path, origin);
  return { data: merged, origins: parent.origins };
}

/** Applies one `--set path=value` (value read as JSON, else as a string) to merged fields. */
export function applySet(merged: MergedScenario, assignment: string, file: string): void {
  const equals = assignment.indexOf('=');
  const path = equals > 0 ? assignment.slice(0, equals).trim() : '';
  const segments = path.split('.');
  if (!segments.every((segment) => /^[A-Za-z_$][\w$]*$/.test(segment))) {
    throw new InputError(file, '--set', 'path=value, e.g. params.sharing=0.8', JSON.stringify(assignment));
  }
  let container = merged.data;
  for (const [depth, segment] of segments.slice(0, -1).entries()) {
    const next = container[segment] ?? (container[segment] = {});
    if (!isPlainObject(next)) {
      const at = segments.slice(0, depth + 1).join('.');
      throw new InputError(file, at, `an object to set "${segments.slice(depth + 1).join('.')}" in (--set ${assignment})`, describeValue(next));
    }
    container = next;
  }
  container[segments.at(-1)!] = parseLoose(assignment.slice(equals + 1));
  merged.origins.set(path, `${file} (--set ${assignment})`);
}

/** Where the value at a dotted path came from: the origin of its longest recorded prefix. */
export function originOf(merged: MergedScenario, path: string, fallback: string): string {
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length--) {
    const origin = merged.origins.get(segments.slice(0, length).join('.'));
    if (origin) return origin;
  }
  return fallback;
}

/** A path relative to the folder of `from` (POSIX separators; no Node built-ins, so it runs in browsers). */
export function resolveRelative(from: string, relative: string): string {
  if (relative.startsWith('/')) return relative;
  const parts = from.split('/').slice(0, -1);
  for (const part of relative.split('/')) {
    if (part === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/** True for `{…}` objects (not arrays, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = out[key];
    out[key] = isPlainObject(below) && isPlainObject(value) ? deepMerge(below, value) : value;
  }
  return out;
}

function leafOrigins(data: Record<string, unknown>, origin: string, prefix = '', into = new Map<string, string>()) {
  for (const [key, value] of Object.entries(data)) {
    const path = prefix + key;
    into.set(path, origin);
    if (isPlainObject(value)) leafOrigins(value, origin, `${path}.`, into);
  }
  return into;
}

/** JSON.parse's message, with the line and column when it gives a position. */
function describeJsonError(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message);
  if (!position) return message.replace(/, ".*" is not valid JSON$/s, '');
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/s, '')} at line ${line}, column ${column}`;
}
