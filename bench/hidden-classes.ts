/**
 * Checks that every community, and every object inside one (policy, fund, markets, governance…),
 * has the same hidden class as its counterpart in community 0, step after step: V8 compiles the
 * functions that read communities for the hidden classes they have met, and a community built
 * another way (a spread, properties added in another order) makes all of them recompile and run
 * slower. It also checks that no class is replaced during the run: a community, a federation and
 * a syndicate made right after the build, and never stepped, must keep the class of their live
 * counterparts (a field that held whole numbers and stores its first fraction months into the
 * run replaces the class of every object of its kind, and throws away the code compiled for it:
 * see sim/double-fields.ts). Prints one line per check, then a line naming the number fields
 * that V8 boxes on every store (see `boxedFields`), and exits 1 when any community differs, any
 * class was replaced, or any such field is found.
 * Usage: node --allow-natives-syntax --expose-gc --import tsx bench/hidden-classes.ts [persons, default 20,000] [steps, default 24]
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { createSimulation } from '../scenarios/create.js';
import { scaledScenario } from './society-child.js';
import { newFederation } from '../models/society/governance/state.js';
import { newSyndicate } from '../models/society/services/syndicate.js';

type Shape = Record<string, unknown>;

const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: unknown, b: unknown) => boolean;

/** Plain objects inside an object (arrays, typed arrays and Maps left out: their classes vary by design). */
function objectFields(o: Shape): string[] {
  return Object.keys(o).filter((key) => {
    const value = o[key];
    return value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value) && !(value instanceof Map) && !(value instanceof Set);
  });
}

/** Paths (from `path`) where `a` and `b` differ in hidden class, down to `depth` levels. */
function differences(a: Shape, b: Shape, path: string, depth: number, out: string[]): void {
  if (!sameMap(a, b)) out.push(path);
  if (depth === 0) return;
  for (const key of objectFields(a)) {
    const other = b[key];
    if (other !== null && typeof other === 'object') differences(a[key] as Shape, other as Shape, `${path}.${key}`, depth - 1, out);
  }
}

const newSpaceUsed = (): number => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_used_size;

/**
 * Bytes a store of a fresh double into `o[key]` allocates, from optimised code: 0 where V8 keeps
 * the field as a double in place, 16 where the field's hidden class holds any value (a heap
 * number is then made for every store). That happens to every object of a class once any
 * object of it held a non-number under that key — e.g. an object of strings with the same keys
 * in the same order. -1 when the probe could not be optimised.
 */
function storeCost(o: Shape, key: string): number {
  const probe = new Function('o', 'n', `const old = o[${JSON.stringify(key)}]; let x = 0.5;
    for (let i = 0; i < n; i++) { x = x * 1.0000001 + 0.1; o[${JSON.stringify(key)}] = x; }
    o[${JSON.stringify(key)}] = old; return x;`) as (o: Shape, n: number) => number;
  const natives = new Function('f', 'o', `%PrepareFunctionForOptimization(f); f(o, 10); f(o, 10); %OptimizeFunctionOnNextCall(f); f(o, 10); return %GetOptimizationStatus(f);`) as (f: unknown, o: Shape) => number;
  if ((natives(probe, o) & 16) === 0) return -1; // 16: optimised by TurboFan
  (globalThis as { gc?: () => void }).gc?.();
  const before = newSpaceUsed();
  probe(o, 20_000);
  return Math.round((newSpaceUsed() - before) / 20_000);
}

/** Number fields (down to `depth` levels of plain objects) whose stores allocate, as `path.key`. */
export function boxedFields(o: Shape, path: string, depth: number, out: string[]): string[] {
  // Only plain objects hold amounts as fields: the views of the communities' columns (markets,
  // accounts) keep theirs in typed arrays, and their own numbers are fixed slots, never stored again.
  if (Object.getPrototypeOf(o) !== Object.prototype) return out;
  for (const key of Object.keys(o)) {
    const value = o[key];
    if (typeof value === 'number' && storeCost(o, key) > 0) out.push(`${path}.${key}`);
  }
  if (depth > 0) for (const key of objectFields(o)) boxedFields(o[key] as Shape, `${path}.${key}`, depth - 1, out);
  return out;
}

const [persons = 20_000, steps = 24] = process.argv.slice(2).map(Number);
const society = createSimulation(scaledScenario(persons)) as unknown as {
  communities: Shape[]; services: { syndicates: Shape[] }; polity: { federations: Shape[] }; step(): void;
  newCommunity(id: number, site: number, cells: Int32Array, size: number): Shape;
};
// Made once, the way the run makes its own, and never touched again: a community and a
// federation right after the build; a syndicate after the first step, which founds the first
// syndicates (the first one made settles its class's fields, as the build does the communities').
const unstepped: { community: Shape; federation: Shape; syndicate?: Shape } = {
  community: society.newCommunity(-1, 0, new Int32Array(0), 0),
  federation: newFederation(-1, 0.05, 0) as unknown as Shape,
};
/** Where the live objects' classes are no longer those of the objects made before. */
function replaced(): string[] {
  const out: string[] = [];
  differences(unstepped.community, society.communities[0]!, 'community', 3, out);
  const federation = society.polity.federations.at(-1);
  if (federation) differences(unstepped.federation, federation, 'federation', 2, out);
  const syndicate = society.services.syndicates.at(-1);
  if (syndicate && unstepped.syndicate) differences(unstepped.syndicate, syndicate, 'syndicate', 2, out);
  unstepped.syndicate ??= newSyndicate(-1, 'water', 0, [], 0) as unknown as Shape;
  return out;
}
let failed = false;
for (let step = 1; step <= steps; step++) {
  society.step();
  const first = society.communities[0]!;
  const found: string[] = [];
  for (const community of society.communities) differences(first, community, `community ${community.id as number}`, 3, found);
  const changed = replaced();
  if (found.length > 0 || changed.length > 0) failed = true;
  console.log(
    `step ${step}: ${society.communities.length} communities, ${society.polity.federations.length} federations, ${found.length} differing${found.length ? ': ' + found.slice(0, 5).join(', ') : ''}` +
      `; ${changed.length} replaced since the build${changed.length ? ': ' + changed.join(', ') : ''}`,
  );
}
const boxed = boxedFields(society.communities.at(-1)!, 'community', 2, []);
for (const [kind, list] of [['syndicate', society.services.syndicates], ['federation', society.polity.federations]] as const) {
  if (list.length > 0) boxedFields(list.at(-1)!, kind, 2, boxed);
}
console.log(`number fields boxed on every store: ${boxed.length}${boxed.length ? ': ' + boxed.join(', ') : ''}`);
process.exit(failed || boxed.length > 0 ? 1 : 0);
