/** One measured number: a stable snake_case key (for --json), a label and a unit (for the table). */
export interface Measurement {
  key: string;
  label: string;
  value: number;
  unit: string;
}

/** A benchmark suite: what it measures, and a function that measures it. */
export interface BenchSuite {
  name: string;
  /** One line: what is measured against what. */
  description: string;
  run(options: BenchOptions): Promise<Measurement[]> | Measurement[];
}

/** Options every suite honours. */
export interface BenchOptions {
  /** Fewer repetitions and smaller sizes, for a smoke test. */
  quick: boolean;
  /** Progress lines go here (stderr), so stdout stays clean for --json. */
  log: (line: string) => void;
}

/** Seconds taken by fn, by the clock of this process. */
export function timeSeconds(fn: () => void): number {
  const start = performance.now();
  fn();
  return (performance.now() - start) / 1000;
}

/**
 * The best (shortest) of `repeats` timings of `measure(prepare())`: the least disturbed by other
 * work on the machine. `prepare` (building the model, say) runs outside the clock.
 */
export function bestSeconds<T>(repeats: number, prepare: () => T, measure: (prepared: T) => void): number {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const prepared = prepare();
    best = Math.min(best, timeSeconds(() => measure(prepared)));
  }
  return best;
}
