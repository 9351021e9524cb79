/** Characters of NDJSON a streaming log gathers before it writes them out. */
const STREAM_CHUNK = 1 << 16;

/** One event: when, what kind, and its details (ids and values). */
export interface SimEvent {
  step: number;
  type: string;
  [detail: string]: unknown;
}

/**
 * The event log: typed events in the order they happened, written as NDJSON (one JSON
 * object per line). Listeners see each event as it is logged (for streaming to a file
 * or a browser).
 */
export class EventLog {
  /** The events kept in memory: all of them, unless the log streams to a writer (then none). */
  readonly events: SimEvent[] = [];
  private readonly listeners: ((event: SimEvent) => void)[] = [];
  private readonly counts = new Map<string, number>();
  private writer: ((text: string) => void) | undefined;
  private pending = '';

  /** Records an event. Details must be JSON-serialisable. */
  log(step: number, type: string, details: Record<string, unknown> = {}): void {
    const event: SimEvent = { step, type, ...details };
    if (this.writer) {
      this.pending += JSON.stringify(event) + '\n';
      if (this.pending.length > STREAM_CHUNK) this.flush();
    } else this.events.push(event);
    this.counts.set(type, (this.counts.get(type) ?? 0) + 1);
    for (const listener of this.listeners) listener(event);
  }

  /**
   * From now on, sends the log as NDJSON to `write` (in chunks; `flush()` sends the rest) instead of
   * keeping it: a long run of a large model logs millions of events. Events already kept are sent first.
   * Counts keep counting; `events`, `ofType` and `ndjson` then see nothing.
   */
  streamTo(write: (text: string) => void): void {
    this.pending += this.ndjson();
    this.events.length = 0;
    this.writer = write;
    this.flush();
  }

  /** True once the log streams to a writer. */
  get streaming(): boolean {
    return this.writer !== undefined;
  }

  /** Sends what the stream holds back (call once the run is over). */
  flush(): void {
    if (!this.writer || this.pending === '') return;
    this.writer(this.pending);
    this.pending = '';
  }

  /** Subscribes to new events. */
  onEvent(listener: (event: SimEvent) => void): void {
    this.listeners.push(listener);
  }

  /** How many events of a type have been logged. */
  count(type: string): number {
    return this.counts.get(type) ?? 0;
  }

  /** Events of one type. */
  ofType(type: string): SimEvent[] {
    return this.events.filter((event) => event.type === type);
  }

  /** NDJSON lines of events [from, to). */
  ndjson(from = 0, to = this.events.length): string {
    let out = '';
    for (let i = from; i < to; i++) out += JSON.stringify(this.events[i]) + '\n';
    return out;
  }

  /** The whole log as NDJSON. */
  toNDJSON(): string {
    return this.ndjson();
  }
}
