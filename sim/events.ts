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
  readonly events: SimEvent[] = [];
  private readonly listeners: ((event: SimEvent) => void)[] = [];
  private readonly counts = new Map<string, number>();

  /** Records an event. Details must be JSON-serialisable. */
  log(step: number, type: string, details: Record<string, unknown> = {}): void {
    const event: SimEvent = { step, type, ...details };
    this.events.push(event);
    this.counts.set(type, (this.counts.get(type) ?? 0) + 1);
    for (const listener of this.listeners) listener(event);
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
