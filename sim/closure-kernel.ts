import type { Kernel, KernelArray, KernelScope } from './shards.js';

/** The arrays a closure kernel's build reads them from, by name (`KernelScope.arrays`). */
export type ArraysByName = Readonly<Record<string, KernelArray>>;

/** What a closure kernel's build returns: the kernel's work for one community. */
export type CommunityWork = (scope: KernelScope, c: number) => void;

/**
 * A kernel whose work is a closure over its arrays, built again whenever one of the arrays it
 * read was replaced. V8 compiles a function of which only one closure was ever made with what it
 * closes over as constants: each typed array's length and data address go into the code instead
 * of being loaded on every access. A loop over a community's members reading nine columns ran
 * 2.2× faster that way, and the metrics' pass over persons 1.4× (docs/performance-rounds.md,
 * run AH). Closures made twice from the same function lose it (and ran 1.4× slower than a
 * plain kernel), so each build evaluates the build function's source afresh, a function of its
 * own.
 *
 * So `build` must be self-contained: it may use its parameters, `lib` (the helpers and
 * constants it needs, handed over as they are) and the language's globals, and nothing else of
 * its module — a name from outside fails with a ReferenceError on its first run. It reads from
 * `arrays`, while it builds, the arrays its loops walk (those names are what is watched); arrays
 * that are replaced now and then it reads from the scope at each call instead, as it does the
 * parameters: every build starts as new code, and V8 takes several jobs' worth of calls to
 * optimise it again. In the society that means building over the person columns and per-member
 * scratch (replaced only when the table outgrows its capacity) and reading the arrays indexed by
 * community (replaced whenever communities outgrow theirs) and `members.start` (most months) at
 * each call: built over both, seven kernels ran 10% slower in the benchmark's early window,
 * where communities are founded, than the plain kernels they replaced.
 */
export function closureKernel<L>(name: string, streams: readonly string[], lib: L, build: (arrays: ArraysByName, lib: L) => CommunityWork): Kernel {
  const source = `return (${build.toString()});`;
  // A source that is not a function expression (a method's shorthand) fails here, not mid-run.
  compile(source, name);
  // One build per scope: two societies stepped by turns (a benchmark, a test) keep their own.
  const builds = new WeakMap<KernelScope, Built>();
  const forJob = (scope: KernelScope): CommunityWork => {
    let built = builds.get(scope);
    if (built === undefined || (built.version !== scope.version && stale(built, scope.arrays))) {
      built = make(scope, compile(source, name) as typeof build, lib);
      builds.set(scope, built);
    }
    built.version = scope.version;
    return built.work;
  };
  return { name, streams: [...streams], run: (scope, c) => forJob(scope)(scope, c), forJob };
}

/** One build of a closure kernel: its work, the arrays it read (by name, and the arrays themselves), the scope's version when last checked. */
interface Built {
  work: CommunityWork;
  names: string[];
  held: KernelArray[];
  version: number;
}

/** Runs a fresh build function over the scope's arrays, noting the names it reads. */
function make<L>(scope: KernelScope, build: (arrays: ArraysByName, lib: L) => CommunityWork, lib: L): Built {
  const names: string[] = [];
  const watched = new Proxy(scope.arrays, {
    get(arrays, key) {
      if (typeof key === 'string') names.push(key);
      return arrays[key as string];
    },
  });
  const work = build(watched, lib);
  return { work, names, held: names.map((key) => scope.arrays[key]!), version: scope.version };
}

/** Whether any array a build read has since been replaced. */
function stale(built: Built, arrays: ArraysByName): boolean {
  for (let i = 0; i < built.names.length; i++) if (arrays[built.names[i]!] !== built.held[i]) return true;
  return false;
}

/**
 * The build function from its source, as a function of its own (a new one at each call). `__name` is the helper that
 * some TypeScript loaders (tsx, esbuild with keepNames) put around named inner functions.
 */
function compile(source: string, name: string): (arrays: ArraysByName, lib: unknown) => CommunityWork {
  let made: unknown;
  try {
    // V8 keeps the code of a source it has compiled and hands the same function back for the
    // same text: the count makes every build's text, and so its function, its own. The source's
    // name is what profiles and stack traces show for the build's functions.
    made = new Function('__name', `${source}\n//# sourceURL=closure-kernel/${name}/${++builds}`)(keepName);
  } catch (error) {
    throw new Error(`kernel '${name}': its build function could not be compiled from its source (${(error as Error).message})`);
  }
  if (typeof made !== 'function') throw new Error(`kernel '${name}': its build is not a function expression`);
  return made as (arrays: ArraysByName, lib: unknown) => CommunityWork;
}

/** Builds made so far, in this thread. */
let builds = 0;

function keepName<F>(fn: F): F {
  return fn;
}
