import type { NamedPhase } from '../../../sim/index.js';
import { adultEquivalent } from '../people/people.js';
import type { Society } from '../society.js';

/**
 * The central budget (when on) collects the month's taxes from every community, in index
 * order; of what they brought in, `welfareShare` is
 * given back per adult-equivalent to every person, the rest is spent by the state (a sink:
 * later parts spend it on services and the army). Crosses communities; no randomness.
 */
export const centralBudget: NamedPhase<Society> = {
  name: 'central-budget',
  run(society) {
    const { budget, people, params: p } = society;
    for (const community of society.communities) {
      budget.food += community.taxes.food;
      budget.manufactures += community.taxes.manufactures;
      community.taxes.food = community.taxes.manufactures = 0;
    }
    if (!p.centralBudget || (budget.food === 0 && budget.manufactures === 0)) return;
    const cols = people.cols;
    const { age, food: foodOf, manufactures: manufacturesOf } = cols;
    const adultAge = p.adultAge;
    const n = people.length;
    // In member order: the sums then do not depend on where rows sit in the table.
    const order = society.members.inOrder(people);
    let adultEquivalents = 0;
    for (let m = 0; m < n; m++) adultEquivalents += adultEquivalent(age[order[m]!]!, adultAge);
    const welfareFood = p.welfareShare * budget.food;
    const welfareManufactures = p.welfareShare * budget.manufactures;
    let givenFood = 0;
    let givenManufactures = 0;
    if (adultEquivalents > 0) {
      for (let m = 0; m < n; m++) {
        const row = order[m]!;
        const ae = adultEquivalent(age[row]!, adultAge);
        const food = (welfareFood * ae) / adultEquivalents;
        const manufactures = (welfareManufactures * ae) / adultEquivalents;
        foodOf[row]! += food;
        manufacturesOf[row]! += manufactures;
        givenFood += food;
        givenManufactures += manufactures;
      }
    }
    if (p.unitaryBudget) {
      // One purse: the rest waits for the government's split between defence and services (phase 5).
      budget.food -= givenFood;
      budget.manufactures -= givenManufactures;
      return;
    }
    society.ledger.sink('food', 'publicSpending', budget.food - givenFood);
    society.ledger.sink('manufactures', 'publicSpending', budget.manufactures - givenManufactures);
    budget.food = 0;
    budget.manufactures = 0;
  },
};
