import { z } from 'zod';

/** A numeric parameter: default, unit, range and meaning (the docs and the schema come from this). */
export interface NumberParam {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  unit: string;
  meaning: string;
  integer?: boolean;
  /** Where the default comes from, or why it is what it is. */
  source?: string;
  /** Grouping for docs and UI (e.g. "economy", "institutions"). */
  group?: string;
}

/** An on/off parameter. */
export interface BooleanParam {
  kind: 'boolean';
  default: boolean;
  meaning: string;
  source?: string;
  group?: string;
}

/** A parameter with a fixed set of values. */
export interface EnumParam {
  kind: 'enum';
  default: string;
  options: readonly string[];
  meaning: string;
  source?: string;
  group?: string;
}

/** Any parameter description. */
export type ParamSpec = NumberParam | BooleanParam | EnumParam;

/** A model's parameters by name. */
export type ParamTable = Record<string, ParamSpec>;

/** The values a table of parameters resolves to. */
export type ParamValues<T extends ParamTable> = {
  [K in keyof T]: T[K] extends NumberParam ? number : T[K] extends BooleanParam ? boolean : string;
};

/** The zod schema of one parameter (range, integer and options enforced). */
export function paramSchema(spec: ParamSpec): z.ZodType {
  switch (spec.kind) {
    case 'number': {
      let schema = z.number().min(spec.min).max(spec.max);
      if (spec.integer) schema = schema.int();
      return schema.describe(`${spec.meaning} (${spec.unit})`);
    }
    case 'boolean':
      return z.boolean().describe(spec.meaning);
    case 'enum':
      return z.enum(spec.options as [string, ...string[]]).describe(spec.meaning);
  }
}

/** A strict zod object for a table: every key optional, unknown keys rejected. */
export function paramsSchema(table: ParamTable) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(table)) shape[name] = paramSchema(spec).optional();
  return z.strictObject(shape);
}

/** The table's defaults with the given values laid over them. */
export function resolveParams<T extends ParamTable>(table: T, values: Partial<Record<string, unknown>> = {}): ParamValues<T> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table)) out[name] = values[name] ?? spec.default;
  return out as ParamValues<T>;
}

/** A numeric parameter in one line: default, range, unit, meaning, source, group. */
export function numberParam(value: number, min: number, max: number, unit: string, meaning: string, source: string, group: string, integer = false): NumberParam {
  return { kind: 'number', default: value, min, max, unit, meaning, source, group, ...(integer ? { integer } : {}) };
}

/** An on/off parameter in one line. */
export function booleanParam(value: boolean, meaning: string, source: string, group: string): BooleanParam {
  return { kind: 'boolean', default: value, meaning, source, group };
}

/** A parameter with fixed options, in one line. */
export function enumParam(value: string, options: readonly string[], meaning: string, source: string, group: string): EnumParam {
  return { kind: 'enum', default: value, options, meaning, source, group };
}
