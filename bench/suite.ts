/** One measured number: a stable snake_case key (for --json), a label and a unit (for the table). */
export interface Measurement {
  key: string;
  label: string;
  value: number;
  unit: string;
  /** Key of the measurement this one is compared with, measured in the same bench run. */
  baseline?: string;
  /** Key of the measurement holding the ratio of this one to its baseline. */
  ratio?: string;
  /** The target this figure is held to, in words (`≥ 0.5`), when there is one. */
  target?: string;
  /** Only in --json: a copy, under another key, of figures the table already shows. */
  tableless?: boolean;
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

/** A figure rounded to `digits` decimals, as the JSON reports it. */
export function round(value: number, digits = 3): number {
  return Number(value.toFixed(digits));
}
