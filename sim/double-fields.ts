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
 * Give each kind of object one list of keys, made once (a constant of its module): the fields are
 * settled on the first object made with that list, and later calls with it return at once.
 */
export function doubleFields<T extends object>(o: T, keys: readonly (keyof T & string)[]): T {
  // Stores by a computed key are slow: only the first object of a kind pays them.
  if (settled.has(keys)) return o;
  settled.add(keys);
  const fields = o as Record<string, unknown>;
  for (const key of keys) {
    const value = fields[key];
    if (typeof value !== 'number' || !Number.isInteger(value)) continue;
    fields[key] = 0.5;
    fields[key] = value;
  }
  return o;
}

/** The lists of keys whose objects' class is settled. */
const settled = new WeakSet<readonly string[]>();
