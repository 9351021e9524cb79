/**
 * Summarises a V8 CPU profile (the `.cpuprofile` that `node --cpu-prof` writes): the functions
 * with the most self time, each with its file and line, as a table or (`--json`) as JSON.
 * Usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [--top N] [--total] [--within NAME] [--json]
 * (`--total` orders by time including callees, to see which phase or constructor holds the time;
 * `--within step` keeps only the samples taken inside a function of that name).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of V8's profile format this reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** One function's share of the profile. */
export interface SelfTime {
  name: string;
  /** File relative to the project (or the runtime's own name), and 1-based line. */
  where: string;
  selfMs: number;
  /** Time with this function anywhere on the stack (itself and what it called). */
  totalMs: number;
  share: number;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The call tree's links and each node's function, named and placed once per node. */
function readTree(profile: CpuProfile) {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const frames = new Map<number, { name: string; where: string; key: string }>();
  const frameOf = (id: number): { name: string; where: string; key: string } => {
    const known = frames.get(id);
    if (known) return known;
    const { functionName, url } = byId.get(id)!.callFrame;
    const file = url.startsWith('file://') ? fileURLToPath(url).replace(ROOT, '') : url;
    const parent = parentOf.get(id);
    const caller = !functionName && file && parent !== undefined ? frameOf(parent) : undefined;
    const name = caller ? `(anonymous in ${caller.name})` : functionName || '(anonymous)';
    const where = caller ? caller.where : file ? `${file}:${declarationLine(file, functionName)}` : '(runtime)';
    const frame = { name, where, key: `${name}@${where}` };
    frames.set(id, frame);
    return frame;
  };
  /** The node and its callers, innermost first. */
  const stack = (id: number): number[] => {
    const ids: number[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) ids.push(at);
    return ids;
  };
  return { frameOf, stack, functionName: (id: number) => byId.get(id)!.callFrame.functionName };
}

/**
 * Self time by function (samples attributed to the function on top of the stack), most first,
 * with total time (anywhere on the stack). With `within`, only the samples taken inside a
 * function of that name (e.g. `step`: the steps, not the build). tsx hands V8 its transformed
 * code, whose lines are not the source's, so a function's line is found in its source file by
 * its declaration; an anonymous function is named after its caller.
 */
export function selfTimes(profile: CpuProfile, within?: string): SelfTime[] {
  const tree = readTree(profile);
  const rows = new Map<string, { name: string; where: string; selfUs: number; totalUs: number }>();
  const rowOf = (id: number) => {
    const { key, name, where } = tree.frameOf(id);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { name, where, selfUs: 0, totalUs: 0 }));
    return row;
  };
  let total = 0;
  profile.samples.forEach((nodeId, i) => {
    const stack = tree.stack(nodeId);
    if (within !== undefined && !stack.some((id) => tree.functionName(id) === within)) return;
    // timeDeltas[i] is the time since the previous sample, so it belongs to sample i.
    const delta = Math.max(0, profile.timeDeltas[i] ?? 0);
    total += delta;
    rowOf(nodeId).selfUs += delta;
    // Each function counted once per sample, however deep its recursion.
    for (const row of new Set(stack.map(rowOf))) row.totalUs += delta;
  });
  return [...rows.values()]
    .map(({ name, where, selfUs, totalUs }) => ({ name, where, selfMs: selfUs / 1000, totalMs: totalUs / 1000, share: total > 0 ? selfUs / total : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs || b.totalMs - a.totalMs);
}

const sources = new Map<string, string[]>();

/** The 1-based line declaring `name` in a project file (`?` when it cannot be found). */
function declarationLine(file: string, name: string): string {
  if (!file.endsWith('.ts') || file.startsWith('node:') || !name) return '?';
  if (!sources.has(file)) {
    try {
      sources.set(file, readFileSync(join(ROOT, file), 'utf8').split('\n'));
    } catch {
      sources.set(file, []);
    }
  }
  const quoted = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const declaration = new RegExp(`(function\\*?\\s+${quoted}\\b|\\b(const|let|class)\\s+${quoted}\\b|^\\s*(static\\s+|private\\s+|override\\s+|get\\s+)*${quoted}\\s*[(<])`);
  const lines = sources.get(file)!;
  // A declaration with its body beats a signature (an interface's method, an overload).
  let index = lines.findIndex((line) => declaration.test(line) && /[{>]\s*$/.test(line));
  if (index < 0) index = lines.findIndex((line) => declaration.test(line));
  return index >= 0 ? String(index + 1) : '?';
}

function main(argv: string[]): void {
  const file = argv.find((arg, i) => !arg.startsWith('--') && !['--top', '--within'].includes(argv[i - 1] ?? ''));
  const topIndex = argv.indexOf('--top');
  const top = topIndex >= 0 ? Number(argv[topIndex + 1]) : 25;
  if (!file || !Number.isInteger(top) || top <= 0) {
    console.error('usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [--top N] [--total] [--within NAME] [--json]');
    process.exit(2);
  }
  const withinIndex = argv.indexOf('--within');
  const within = withinIndex >= 0 ? argv[withinIndex + 1] : undefined;
  const all = selfTimes(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, within);
  const byTotal = argv.includes('--total');
  const rows = (byTotal ? [...all].sort((a, b) => b.totalMs - a.totalMs) : all).slice(0, top);
  if (argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  console.log('self ms    share  total ms  function                          where');
  for (const row of rows) {
    console.log(`${row.selfMs.toFixed(0).padStart(7)}  ${(row.share * 100).toFixed(1).padStart(5)}%  ${row.totalMs.toFixed(0).padStart(8)}  ${row.name.padEnd(32)}  ${row.where}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
