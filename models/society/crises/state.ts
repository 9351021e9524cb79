/** What the crises phase counts: this step's crises, and running totals since the start. */
export interface CrisisCounters {
  crises: number;
  violent: number;
  armed: number;
  totalCrises: number;
  totalViolent: number;
}

/** Fresh counters. */
export function zeroCrisisCounters(): CrisisCounters {
  return { crises: 0, violent: 0, armed: 0, totalCrises: 0, totalViolent: 0 };
}

/** Starts a step's counts, keeping the running totals. */
export function startCrisisStep(counters: CrisisCounters): void {
  counters.crises = counters.violent = counters.armed = 0;
}
