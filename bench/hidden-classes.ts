/**
 * Checks that every community, and every object inside one (policy, fund, markets, governance…),
 * has the same hidden class as its counterpart in community 0, step after step: V8 compiles the
 * functions that read communities for the hidden classes they have met, and a community built
 * another way (a spread, properties added in another order) makes all of them recompile and run
 * slower. Prints one line per check and exits 1 when any community differs.
 * Usage: node --allow-natives-syntax --import tsx bench/hidden-classes.ts [persons, default 20,000] [steps, default 24]
 */
import { createSimulation } from '../scenarios/create.js';
import { scaledScenario } from './society-child.js';

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

const [persons = 20_000, steps = 24] = process.argv.slice(2).map(Number);
const society = createSimulation(scaledScenario(persons)) as unknown as { communities: Shape[]; step(): void };
let failed = false;
for (let step = 1; step <= steps; step++) {
  society.step();
  const first = society.communities[0]!;
  const found: string[] = [];
  for (const community of society.communities) differences(first, community, `community ${community.id as number}`, 3, found);
  if (found.length > 0) failed = true;
  console.log(`step ${step}: ${society.communities.length} communities, ${found.length} differing${found.length ? ': ' + found.slice(0, 5).join(', ') : ''}`);
}
process.exit(failed ? 1 : 0);
