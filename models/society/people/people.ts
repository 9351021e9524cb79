import { Table } from '../../../sim/index.js';

/** A person's columns: persons are rows, never objects (hot loops read typed arrays). */
export const personSchema = {
  community: Int32Array,
  family: Int32Array,
  age: Float32Array,
  skillFood: Float32Array,
  skillManufactures: Float32Array,
  /** 0 = food, 1 = manufactures. */
  sector: Uint8Array,
  effort: Float32Array,
  civicNorm: Float32Array,
  idealSharing: Float32Array,
  food: Float64Array,
  manufactures: Float64Array,
  credit: Float64Array,
  output: Float32Array,
  income: Float32Array,
  lifetimeIncome: Float32Array,
  utility: Float32Array,
  needsMet: Float32Array,
  satisfaction: Float32Array,
  /** 1 where the person would own land and capital if ownership institutions are on. */
  proprietor: Uint8Array,
  /** Id of the working adult who feeds this dependant (child or elder), -1 if none. */
  carer: Int32Array,
  /**
   * The row the carer held when last looked up: a hint that spares a lookup by id when it still
   * holds them (`Table.idColumns`); rows move with deaths and gatherings, so it is always checked.
   */
  carerRow: Int32Array,
  /** Adult-equivalents of the dependants this person feeds. */
  dependants: Float32Array,
  militiaTraining: Float32Array,
  /** Sanctions on record (graduated: each raises the next; they fade). */
  strikes: Float32Array,
  /** 1 for a member serving as auditor (hierarchical accountability). */
  auditor: Uint8Array,
  /** 1 if the person shirked this month (set by production, judged by accountability). */
  shirked: Uint8Array,
  reputation: Float32Array,
};

/** The persons table. */
export type People = Table<typeof personSchema>;

/** A new, empty persons table (its columns on SharedArrayBuffers with `shared`). */
export function createPeopleTable(capacity: number, options: { shared?: boolean } = {}): People {
  return new Table(personSchema, Math.max(16, capacity), options);
}

/** Food need weight: children count half an adult. */
export function adultEquivalent(age: number, adultAge: number): number {
  return age < adultAge ? 0.5 : 1;
}

/** Working-age test: adults work until they retire. */
export function isWorker(age: number, adultAge: number, retirementAge: number): boolean {
  return age >= adultAge && age < retirementAge;
}
