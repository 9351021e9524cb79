import type { KernelArray, KernelScope } from '../../../sim/index.js';
import { personSchema, type People } from '../people/people.js';

/** Every person column under its own name, and the members index (`start`, `rows`). */
export type PersonView = People['cols'] & { start: Int32Array; rows: Int32Array };

const FIELDS = Object.keys(personSchema) as (keyof typeof personSchema)[];

/**
 * The person columns and members index from a kernel's scope, typed: the part every kernel's view
 * shares (kernels add their own scratch arrays beside it; wrap the whole in `cachedView`).
 */
export function personView(scope: KernelScope): PersonView {
  const a = scope.arrays;
  const cols: Record<string, KernelArray> = {};
  for (const field of FIELDS) cols[field] = a[`people.${field}`]!;
  return { ...(cols as People['cols']), start: a['members.start'] as Int32Array, rows: a['members.rows'] as Int32Array };
}
