/**
 * Rules that tie parameters together, which no single parameter's range can say (e.g. the
 * society needs at least two persons per community). Checked with the scenario, so such
 * input is refused as bad input (exit 2) before a run starts, not as a failure inside it.
 */

/** A broken rule: the parameter to blame, what it should be, what it is. */
export interface ConstraintProblem {
  /** The dotted path of the parameter to blame (e.g. `params.population`). */
  path: string;
  expected: string;
  found: string;
}

/** One rule over a model's resolved parameters; undefined when it holds. */
export type ParamConstraint = (params: Record<string, unknown>) => ConstraintProblem | undefined;

/** Each community starts with at least two persons (a community of one cannot share, vote or split). */
const personsPerCommunity: ParamConstraint = (params) => {
  const population = params['population'];
  const communities = params['communities'];
  if (typeof population !== 'number' || typeof communities !== 'number') return undefined;
  if (population >= 2 * communities) return undefined;
  return {
    path: 'params.population',
    expected: `at least 2 persons per community (≥ ${2 * communities} for params.communities = ${communities})`,
    found: String(population),
  };
};

/** The cross-parameter rules of each model, by its scenario name. */
export const PARAM_CONSTRAINTS: Record<string, readonly ParamConstraint[]> = {
  society: [personsPerCommunity],
};

/** The first rule the parameters break, or undefined when they keep them all. */
export function checkConstraints(model: string, params: Record<string, unknown>): ConstraintProblem | undefined {
  const rules = Object.hasOwn(PARAM_CONSTRAINTS, model) ? PARAM_CONSTRAINTS[model]! : [];
  for (const rule of rules) {
    const problem = rule(params);
    if (problem) return problem;
  }
  return undefined;
}
