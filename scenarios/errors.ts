/**
 * Bad input from a user: which file, which field, what was expected and what was found.
 * The CLI prints the message and exits with code 2, before anything is written.
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`${file}: ${path || '(top level)'}: expected ${expected}, found ${found}`);
    this.name = 'InputError';
  }
}

/** A value as it should appear after "found" in an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return truncate(JSON.stringify(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array ${truncate(JSON.stringify(value))}`;
  return `an object ${truncate(JSON.stringify(value))}`;
}

/** Keeps messages one line long even when the bad value is large. */
function truncate(text: string, limit = 60): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
