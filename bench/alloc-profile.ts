/**
 * Where a step allocates: V8's sampling heap profiler over a few steps of the default society,
 * counting every sampled allocation (also what the collector has since freed), summed by the
 * allocating function and its two callers, in bytes per person per step. A step is meant to
 * allocate next to nothing per person; a function high on this list is usually either making
 * objects in a loop or running unoptimised (the interpreter boxes every number it computes).
 * Usage: node --import tsx bench/alloc-profile.ts [persons=100000] [warm-up steps=20] [steps=4] [--top N]
 */
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { createSimulation } from '../scenarios/create.js';
import { scaledScenario, writeAwayAsARunDoes, type Society } from './society-child.js';

/** The part of V8's sampling heap profile this reads. */
interface HeapNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: HeapNode[];
}

/** One allocating place: bytes per person per step. */
export interface AllocationSite {
  site: string;
  bytesPerPersonStep: number;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function nameOf(node: HeapNode): string {
  const { functionName, url } = node.callFrame;
  const file = url.startsWith('file://') ? fileURLToPath(url).replace(ROOT, '') : url || '(runtime)';
  return `${functionName || '(anonymous)'} ${file}`;
}

/** Sums the tree's self sizes by function and its two nearest callers. */
export function allocationSites(head: HeapNode, persons: number, steps: number): { total: number; sites: AllocationSite[] } {
  const bytes = new Map<string, number>();
  let total = 0;
  const walk = (node: HeapNode, callers: string[]): void => {
    const name = nameOf(node);
    if (node.selfSize > 0) {
      const site = callers.length > 0 ? `${name}  ← ${callers.slice(-2).reverse().join(' ← ')}` : name;
      bytes.set(site, (bytes.get(site) ?? 0) + node.selfSize);
      total += node.selfSize;
    }
    const short = node.callFrame.functionName || '(anonymous)';
    for (const child of node.children) walk(child, [...callers, short]);
  };
  walk(head, []);
  const per = persons * steps;
  const sites = [...bytes].map(([site, b]) => ({ site, bytesPerPersonStep: b / per })).sort((a, b) => b.bytesPerPersonStep - a.bytesPerPersonStep);
  return { total: total / per, sites };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
  const [persons = 100_000, warmUp = 20, steps = 4] = args.map(Number);
  if (![persons, warmUp, steps, top].every((n) => Number.isInteger(n) && n > 0)) {
    console.error('usage: node --import tsx bench/alloc-profile.ts [persons] [warm-up steps] [steps] [--top N]');
    process.exit(2);
  }
  const society = createSimulation(scaledScenario(persons)) as Society;
  writeAwayAsARunDoes(society);
  society.run({ steps: warmUp });
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  // Counting freed objects too is what makes this an allocation profile rather than a live-heap one.
  const options = { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true };
  await session.post('HeapProfiler.startSampling', options as never);
  const alive = society.people.length;
  society.run({ steps });
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: HeapNode } };
  session.disconnect();
  const { total, sites } = allocationSites(profile.head, alive, steps);
  console.log(`${persons} persons, steps ${warmUp + 1}–${warmUp + steps}: ${total.toFixed(1)} bytes allocated per person per step`);
  for (const { site, bytesPerPersonStep } of sites.slice(0, top)) console.log(`${bytesPerPersonStep.toFixed(1).padStart(8)}  ${site}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
