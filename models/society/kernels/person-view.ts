import type { KernelArray, KernelScope } from '../../../sim/index.js';
import type { People } from '../people/people.js';

/** Every person column under its own name, and the members index (`start`, `rows`). */
export type PersonView = People['cols'] & { start: Int32Array; rows: Int32Array };

/** Every person column under its own name, and the members' rows (`members.start`, rebuilt most months, is not among them). */
export type PersonColumns = People['cols'] & { rows: Int32Array };

/**
 * The person columns and the members' rows from a scope's arrays: what a closure kernel's build
 * holds (sim/closure-kernel.ts), which must not hold `members.start`.
 */
export function personColumns(arrays: Readonly<Record<string, KernelArray>>): PersonColumns {
  const a = arrays as Record<string, never>;
  // One object literal, not properties added in a loop: V8 then gives every view the same
  // hidden class, and the kernels' optimised code, which checks it, survives a rebuilt view.
  return {
    community: a['people.community'],
    family: a['people.family'],
    age: a['people.age'],
    skillFood: a['people.skillFood'],
    skillManufactures: a['people.skillManufactures'],
    sector: a['people.sector'],
    effort: a['people.effort'],
    civicNorm: a['people.civicNorm'],
    idealSharing: a['people.idealSharing'],
    food: a['people.food'],
    manufactures: a['people.manufactures'],
    credit: a['people.credit'],
    output: a['people.output'],
    income: a['people.income'],
    lifetimeIncome: a['people.lifetimeIncome'],
    utility: a['people.utility'],
    needsMet: a['people.needsMet'],
    satisfaction: a['people.satisfaction'],
    proprietor: a['people.proprietor'],
    carer: a['people.carer'],
    carerRow: a['people.carerRow'],
    dependants: a['people.dependants'],
    militiaTraining: a['people.militiaTraining'],
    strikes: a['people.strikes'],
    auditor: a['people.auditor'],
    shirked: a['people.shirked'],
    reputation: a['people.reputation'],
    rows: a['members.rows'],
  };
}

/**
 * The person columns and members index from a kernel's scope, typed: the part every kernel's view
 * shares (kernels add their own scratch arrays beside it; wrap the whole in `cachedView`).
 */
export function personView(scope: KernelScope): PersonView {
  // The same properties added in the same order every time: every view keeps one hidden class.
  return Object.assign(personColumns(scope.arrays), { start: scope.arrays['members.start'] as Int32Array });
}
