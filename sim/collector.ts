import { blockwise } from './table.js';

/** A model reporter: one number per step. */
export type Reporter<M> = (model: M) => number;

/** Agent reporters: each returns one value per agent (columns of equal length), keyed by field. */
export type AgentReporter<M> = (model: M) => Record<string, ArrayLike<number>>;

/** What to collect, as data (Agents.jl's `mdata`/`adata`). */
export interface CollectorSpec<M> {
  /** Model-level columns, collected every step. */
  model: Record<string, Reporter<M>>;
  /** Agent-level columns, collected every `agentEvery` steps (0 = never). */
  agents?: AgentReporter<M>;
  agentEvery?: number;
  /**
   * The order to write agents in: the positions, in the agent reporters' columns, of the first,
   * second, … agent of a snapshot (omitted: the columns' own order). A model whose agents' rows
   * move about (to keep a group's rows together, say) gives an order that does not depend on
   * where they sit, so its snapshots do not either.
   */
  agentOrder?: (model: M) => ArrayLike<number>;
}

/** One agent snapshot: the step and its columns. */
export interface AgentSnapshot {
  step: number;
  columns: Record<string, Float64Array>;
}

/** Receives each agent snapshot as it is taken (to write it out at once instead of keeping it). */
export type SnapshotSink = (snapshot: AgentSnapshot) => void;

/**
 * Collects model reporters every step into growable Float64 columns and agent reporters
 * every k steps. `toCSV()` writes one row per collected step with a leading `step` column.
 */
export class DataCollector<M> {
  readonly names: string[];
  private readonly reporters: Reporter<M>[];
  private columns: Float64Array[];
  private stepsColumn: Float64Array;
  private count = 0;
  /** Agent snapshots taken and kept (none once a sink takes them: see `sendSnapshotsTo`). */
  readonly snapshots: AgentSnapshot[] = [];
  private sink: SnapshotSink | undefined;
  private readHook: (() => void) | undefined;

  constructor(private readonly spec: CollectorSpec<M>) {
    this.names = Object.keys(spec.model);
    this.reporters = this.names.map((name) => spec.model[name]!);
    this.columns = this.names.map(() => new Float64Array(64));
    this.stepsColumn = new Float64Array(64);
  }

  /** Rows collected so far. */
  get rows(): number {
    return this.count;
  }

  /** Runs every model reporter (and, on due steps, the agent reporters) for this step. */
  collect(model: M, step: number): void {
    if (this.count === this.stepsColumn.length) this.grow();
    this.stepsColumn[this.count] = step;
    for (let c = 0; c < this.reporters.length; c++) this.columns[c]![this.count] = this.reporters[c]!(model);
    this.count++;
    const every = this.spec.agentEvery ?? 0;
    if (this.spec.agents && every > 0 && step % every === 0) {
      const raw = this.spec.agents(model);
      const order = this.spec.agentOrder?.(model);
      const columns: Record<string, Float64Array> = {};
      // The constructor copies a typed array in one go; `from` walks it through an iterator.
      for (const [key, values] of Object.entries(raw)) columns[key] = order ? gather(values, order) : new Float64Array(values);
      if (this.sink) this.sink({ step, columns });
      else this.snapshots.push({ step, columns });
    }
  }

  /**
   * Hands every later snapshot to `sink` as it is taken instead of keeping it (a large run would
   * otherwise hold them all until its end); snapshots already kept go to the sink first and are dropped.
   */
  sendSnapshotsTo(sink: SnapshotSink): void {
    this.sink = sink;
    for (const snapshot of this.snapshots.splice(0)) sink(snapshot);
  }

  /**
   * Sets a value of a row already collected (`row` counts from 0, as `rows` did while it was
   * collected): for a figure the model knows only after the step's collection, from work still
   * running beside it. The model fills such values in before they are read (`beforeRead`).
   */
  amend(row: number, name: string, value: number): void {
    const index = this.names.indexOf(name);
    if (index < 0) throw new Error(`DataCollector: no column named ${name}`);
    if (!(row >= 0 && row < this.count)) throw new Error(`DataCollector: no row ${row} to amend (${this.count} collected)`);
    this.columns[index]![row] = value;
  }

  /** Runs `hook` before every read of the collected rows: where a model fills in the values it left to `amend`. */
  beforeRead(hook: () => void): void {
    this.readHook = hook;
  }

  /** One collected column (a copy of the live rows). */
  column(name: string): Float64Array {
    this.readHook?.();
    if (name === 'step') return this.stepsColumn.slice(0, this.count);
    const index = this.names.indexOf(name);
    if (index < 0) throw new Error(`DataCollector: no column named ${name}`);
    return this.columns[index]!.slice(0, this.count);
  }

  /** The last collected value of each column. */
  last(): Record<string, number> {
    this.readHook?.();
    const out: Record<string, number> = {};
    if (this.count === 0) return out;
    this.names.forEach((name, c) => (out[name] = this.columns[c]![this.count - 1]!));
    return out;
  }

  /** The collected rows as objects (for small outputs and tests). */
  toRows(): Record<string, number>[] {
    this.readHook?.();
    const rows: Record<string, number>[] = [];
    for (let r = 0; r < this.count; r++) {
      const row: Record<string, number> = { step: this.stepsColumn[r]! };
      this.names.forEach((name, c) => (row[name] = this.columns[c]![r]!));
      rows.push(row);
    }
    return rows;
  }

  /** The header line of the CSV. */
  csvHeader(): string {
    return ['step', ...this.names].join(',') + '\n';
  }

  /** CSV lines of rows [from, to). */
  csvRows(from = 0, to = this.count): string {
    this.readHook?.();
    let out = '';
    for (let r = from; r < to; r++) {
      out += formatNumber(this.stepsColumn[r]!);
      for (let c = 0; c < this.columns.length; c++) out += ',' + formatNumber(this.columns[c]![r]!);
      out += '\n';
    }
    return out;
  }

  /** The whole table as CSV: a header, then one row per collected step. */
  toCSV(): string {
    return this.csvHeader() + this.csvRows();
  }

  private grow(): void {
    const size = this.stepsColumn.length * 2;
    const widen = (a: Float64Array) => {
      const next = new Float64Array(size);
      next.set(a);
      return next;
    };
    this.stepsColumn = widen(this.stepsColumn);
    this.columns = this.columns.map(widen);
  }
}

/**
 * Numbers as CSV text: integers as they are, others with up to 10 significant digits
 * (stable across platforms, readable by pandas and R); NaN as empty, infinities as Inf/-Inf.
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  if (Number.isNaN(value)) return '';
  if (!Number.isFinite(value)) return value > 0 ? 'Inf' : '-Inf';
  const text = value.toPrecision(10);
  const magnitude = value < 0 ? -value : value;
  // The text is String(Number(text)); in [1e-6, 1e10) without the parse and the second
  // conversion (a third of the time; snapshots of a million persons are mostly this). A
  // decimal of at most 15 significant digits is the shortest text of the double nearest to
  // it, so that text is the 10-digit decimal without its trailing zeros — in this range,
  // where both write fixed notation. A value that rounds up to 1e10 comes back exponential.
  if (magnitude >= 1e-6 && magnitude < 1e10 && text.indexOf('e') < 0) return withoutTrailingZeros(text);
  return String(Number(text));
}

/** '1.250000000' → '1.25', '3.000000000' → '3'; '3870404720' (no decimal point) stays. */
function withoutTrailingZeros(text: string): string {
  if (text.indexOf('.') < 0) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48 /* 0 */) end--;
  if (text.charCodeAt(end - 1) === 46 /* . */) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** values[order[0]], values[order[1]], … as a new Float64Array (in blocks: see `blockwise`). */
function gather(values: ArrayLike<number>, order: ArrayLike<number>): Float64Array {
  const out = new Float64Array(order.length);
  blockwise(order.length, 0, (from, to) => {
    for (let k = from; k < to; k++) out[k] = values[order[k]!]!;
    return 0;
  });
  return out;
}
