/**
 * Summarises a V8 CPU profile (the `.cpuprofile` that `node --cpu-prof` writes): the functions
 * with the most self time, each with its file and line, as a table or (`--json`) as JSON.
 * Usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [--top N] [--total] [--within NAME] [--lines NAME [--in PATH]] [--json]
 * (`--total` orders by time including callees, to see which phase or constructor holds the time;
 * `--within step` keeps only the samples taken inside a function of that name; `--lines offers`
 * splits one function's self time by the lines of the code V8 ran, which must be compiled
 * JavaScript with its lines kept: see docs/performance.md, "How to reproduce"; `--in kernels/produce`
 * keeps only the functions of that name in scripts whose path holds it, as many kernels are `run`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of V8's profile format this reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[]; positionTicks?: { line: number; ticks: number }[] }[];
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
    // A closure kernel's build is named closure-kernel/NAME/COUNT (sim/closure-kernel.ts): its
    // functions are the kernel's, whichever build they came from, and its nameless one its work.
    const built = /^closure-kernel\/([^/]+)\/\d+$/.exec(url);
    if (built) {
      const where = `closure-kernel/${built[1]}`;
      const name = functionName || `(work of ${built[1]})`;
      const frame = { name, where, key: `${name}@${where}` };
      frames.set(id, frame);
      return frame;
    }
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

/** One line's share of a function's self time. */
export interface LineTime {
  /** The script the line is in (relative to the project where it lies inside it) and its 1-based line. */
  where: string;
  selfMs: number;
  /** Of the function's self time. */
  share: number;
  /** The line as the script has it (trimmed, cut at 100 characters); empty when the script cannot be read. */
  text: string;
}

/**
 * A function's self time split by line: each node of the function (every name match, in any
 * script whose path contains `file` when given) shares its samples' time out among its lines in
 * proportion to V8's ticks per line, most first. V8 counts ticks by the lines of the code it ran:
 * tsx's transformed modules are one line each, so profile the compiled JavaScript to see lines.
 */
export function lineTimes(profile: CpuProfile, name: string, file?: string): LineTime[] {
  const selfUs = new Map<number, number>();
  profile.samples.forEach((nodeId, i) => selfUs.set(nodeId, (selfUs.get(nodeId) ?? 0) + Math.max(0, profile.timeDeltas[i] ?? 0)));
  const lines = new Map<string, { url: string; line: number; us: number }>();
  let total = 0;
  for (const node of profile.nodes) {
    const { functionName, url } = node.callFrame;
    if (functionName !== name || (file !== undefined && !url.includes(file))) continue;
    const us = selfUs.get(node.id) ?? 0;
    total += us;
    const ticks = node.positionTicks ?? [];
    const counted = ticks.reduce((sum, tick) => sum + tick.ticks, 0);
    for (const tick of ticks) {
      const key = `${url}:${tick.line}`;
      const entry = lines.get(key) ?? { url, line: tick.line, us: 0 };
      entry.us += counted > 0 ? (us * tick.ticks) / counted : 0;
      lines.set(key, entry);
    }
  }
  return [...lines.values()]
    .sort((a, b) => b.us - a.us || a.line - b.line)
    .map(({ url, line, us }) => ({ where: `${shortName(url)}:${line}`, selfMs: us / 1000, share: total > 0 ? us / total : 0, text: lineText(url, line) }));
}

/** A script's path relative to the project when it lies inside it, else as given. */
function shortName(url: string): string {
  return url.startsWith('file://') ? fileURLToPath(url).replace(ROOT, '') : url;
}

/** Line `line` (1-based) of the script at `url`, trimmed and cut at 100 characters ('' when unreadable). */
function lineText(url: string, line: number): string {
  if (!url.startsWith('file://')) return '';
  return (fileLines(fileURLToPath(url))[line - 1] ?? '').trim().slice(0, 100);
}

const files = new Map<string, string[]>();

/** A file's lines, read once (none when it cannot be read). */
function fileLines(path: string): string[] {
  let lines = files.get(path);
  if (!lines) {
    try {
      lines = readFileSync(path, 'utf8').split('\n');
    } catch {
      lines = [];
    }
    files.set(path, lines);
  }
  return lines;
}

/** The 1-based line declaring `name` in a project file (`?` when it cannot be found). */
function declarationLine(file: string, name: string): string {
  if (!file.endsWith('.ts') || file.startsWith('node:') || !name) return '?';
  const quoted = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const declaration = new RegExp(`(function\\*?\\s+${quoted}\\b|\\b(const|let|class)\\s+${quoted}\\b|^\\s*(static\\s+|private\\s+|override\\s+|get\\s+)*${quoted}\\s*[(<])`);
  const lines = fileLines(join(ROOT, file));
  // A declaration with its body beats a signature (an interface's method, an overload).
  let index = lines.findIndex((line) => declaration.test(line) && /[{>]\s*$/.test(line));
  if (index < 0) index = lines.findIndex((line) => declaration.test(line));
  return index >= 0 ? String(index + 1) : '?';
}

function main(argv: string[]): void {
  const valueOf = (flag: string): string | undefined => (argv.includes(flag) ? (argv[argv.indexOf(flag) + 1] ?? '') : undefined);
  const file = argv.find((arg, i) => !arg.startsWith('--') && !['--top', '--within', '--lines', '--in'].includes(argv[i - 1] ?? ''));
  const topIndex = argv.indexOf('--top');
  const top = topIndex >= 0 ? Number(argv[topIndex + 1]) : 25;
  const lines = valueOf('--lines');
  const inPath = valueOf('--in');
  const bad = (value: string | undefined) => value !== undefined && (value === '' || value.startsWith('--'));
  if (!file || !Number.isInteger(top) || top <= 0 || bad(lines) || bad(inPath) || (inPath !== undefined && lines === undefined)) {
    console.error('usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [--top N] [--total] [--within NAME] [--lines NAME [--in PATH]] [--json]');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  if (lines !== undefined) {
    printLines(lineTimes(profile, lines, inPath).slice(0, top), lines, argv.includes('--json'));
    return;
  }
  const all = selfTimes(profile, valueOf('--within'));
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

function printLines(rows: LineTime[], name: string, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  if (rows.length === 0) console.log(`no samples in a function named '${name}'`);
  else if (rows.some((row) => /\.[cm]?ts:\d+$/.test(row.where))) {
    console.log(`'${name}' ran as tsx's transform of TypeScript, one line a module: its lines are not the source's; profile the compiled JavaScript to see lines`);
  }
  console.log('self ms    share  where                                     line');
  for (const row of rows) console.log(`${row.selfMs.toFixed(0).padStart(7)}  ${(row.share * 100).toFixed(1).padStart(5)}%  ${row.where.padEnd(40)}  ${row.text}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Piped into `head`, the reader may close before the table ends: stop quietly then.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main(process.argv.slice(2));
}
