/**
 * Marks number fields of a freshly made object as fields that hold fractions, and returns it.
 *
 * V8 gives each field of an object's hidden class a representation, from the first value
 * stored: a literal `0` makes it a small-integer field. When any object of that class later
 * stores a fraction there, the class is replaced by one with a double field, and every function
 * compiled for the old class is thrown away and compiled again ("wrong map" deoptimisations).
 * A model whose amounts start at 0 and turn fractional months into a run (a federation's first
 * dues, the first outvoted delegate) pays that in the middle of the run, once per field, in every
 * function that reads such objects. Storing a fraction in each named field, then the value it
 * held, changes no value and settles the class when the first object is made, before any
 * function is compiled for it; objects made later from the same literal get the settled class.
 */
export function doubleFields<T extends object>(o: T, keys: readonly (keyof T & string)[]): T {
  const fields = o as Record<string, unknown>;
  for (const key of keys) {
    const value = fields[key];
    if (typeof value !== 'number' || !Number.isInteger(value)) continue;
    fields[key] = 0.5;
    fields[key] = value;
  }
  return o;
}
