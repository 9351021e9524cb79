import { formatNumber } from './collector.js';

/**
 * `formatNumber`'s text written as ASCII bytes straight into a buffer, for files of millions of
 * numbers (agent snapshots): no string is made for the numbers the model writes most, integers
 * and decimals between 1e-6 and 1e10. A million persons' snapshot is some 13 million numbers;
 * as strings, each `toPrecision` and each concatenation was an allocation the collector then
 * copied or swept by the garbage collector. Every other value (NaN, infinities, exponents, the
 * rare decimal whose tenth digit is too close to call) goes through `formatNumber` itself, so
 * the bytes are its text exactly (tests/sim/number-bytes.test.ts compares the two over 400,000
 * values chosen to reach every branch and edge).
 */

/** The most bytes one number takes: `formatNumber` never writes more (e.g. '-1.234567891e-100', '-9007199254740991'). */
export const MAX_NUMBER_BYTES = 24;

/** 10^k for k = 0 … 15, each exact as a double. */
const POWERS = Float64Array.from({ length: 16 }, (_, k) => Number(`1e${k}`));
/** The doubles nearest 10^-k, k = 0 … 6, for the exponent's check (see `decimalExponent`). */
const NEGATIVE_POWERS = Float64Array.from({ length: 7 }, (_, k) => Number(`1e-${k}`));
/** 00, 01, … 99: each pair's two digits (values 0–9). */
const PAIRS = Uint8Array.from({ length: 200 }, (_, i) => (i & 1 ? (i >> 1) % 10 : Math.floor((i >> 1) / 10)));
/** The ten digits of a decimal, most significant first. */
const digits = new Uint8Array(10);

const MINUS = 45;
const DOT = 46;
const ZERO = 48;

/**
 * Writes `formatNumber(value)` into `out` from `at`; returns where it ended. `out` must have
 * `MAX_NUMBER_BYTES` free from `at`.
 */
export function writeNumber(out: Uint8Array, at: number, value: number): number {
  if (Number.isInteger(value)) {
    // Integers below 2^53 as they are; larger ones (exponents past 1e21) as `formatNumber` writes them.
    if (value >= 0 && value <= Number.MAX_SAFE_INTEGER) return writeWhole(out, at, value);
    if (value < 0 && value >= -Number.MAX_SAFE_INTEGER) {
      out[at] = MINUS;
      return writeWhole(out, at + 1, -value);
    }
    return writeText(out, at, formatNumber(value));
  }
  const magnitude = value < 0 ? -value : value;
  // NaN fails both comparisons; infinities, exponents and the edges go through the text.
  if (!(magnitude >= 1e-6 && magnitude < 1e10)) return writeText(out, at, formatNumber(value));
  let exponent = decimalExponent(magnitude);
  // The ten significant digits: magnitude × 10^(9 − exponent), rounded (the exponent is at most 9,
  // so the power is 10^0 … 10^15, exact). The product is rounded once, so it is within 2^-20 of
  // the true product (below 2^34): unless the true fraction lies that close to a half, rounding
  // the product rounds the true value as `toPrecision` does.
  const scaled = magnitude * POWERS[9 - exponent]!;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (fraction > 0.5 - 4e-6 && fraction < 0.5 + 4e-6) return writeText(out, at, formatNumber(value));
  let rounded = fraction > 0.5 ? whole + 1 : whole;
  if (rounded >= 1e10) {
    // 9.9999999995… rounds up to the next power of ten: a 1 and nine zeros, one place up.
    rounded = 1e9;
    exponent++;
  }
  if (rounded < 1e9 || exponent >= 10) return writeText(out, at, formatNumber(value));
  // The digits, two halves of five (each a small integer), two at a time.
  const high = Math.floor(rounded / 1e5);
  fiveDigits(high, 0);
  fiveDigits(rounded - high * 1e5, 5);
  let last = 9;
  while (last > 0 && digits[last] === 0) last--;
  if (value < 0) out[at++] = MINUS;
  if (exponent >= 0) {
    for (let d = 0; d <= exponent; d++) out[at++] = ZERO + digits[d]!;
    if (last > exponent) {
      out[at++] = DOT;
      for (let d = exponent + 1; d <= last; d++) out[at++] = ZERO + digits[d]!;
    }
    return at;
  }
  out[at++] = ZERO;
  out[at++] = DOT;
  for (let z = -1; z > exponent; z--) out[at++] = ZERO;
  for (let d = 0; d <= last; d++) out[at++] = ZERO + digits[d]!;
  return at;
}

/**
 * ⌊log10(m)⌋ for m in [1e-6, 1e10), by comparing with the powers' doubles (a few comparisons
 * for the values a model writes, cheaper than a logarithm). Where a power's double lies below
 * the power itself, a value equal to that double gets the exponent one too high; its scaled
 * digits then round to 1e9 (the text `toPrecision` gives), or fall below it and the value
 * goes through `formatNumber`.
 */
function decimalExponent(m: number): number {
  let exponent = 0;
  if (m >= 1) {
    while (exponent < 9 && m >= POWERS[exponent + 1]!) exponent++;
  } else {
    exponent = -1;
    while (exponent > -6 && m < NEGATIVE_POWERS[-exponent]!) exponent--;
  }
  return exponent;
}

/** The five digits of n (below 100,000, with its leading zeros) into `digits` from `at`. */
function fiveDigits(n: number, at: number): void {
  const q = (n / 100) | 0;
  let pair = (n - q * 100) << 1;
  digits[at + 3] = PAIRS[pair]!;
  digits[at + 4] = PAIRS[pair + 1]!;
  const r = (q / 100) | 0;
  pair = (q - r * 100) << 1;
  digits[at + 1] = PAIRS[pair]!;
  digits[at + 2] = PAIRS[pair + 1]!;
  digits[at] = r;
}

/** A whole number in [0, 2^53): its decimal digits. */
function writeWhole(out: Uint8Array, at: number, value: number): number {
  if (value < 0x80000000) {
    let n = value | 0;
    let length = 1;
    for (let rest = (n / 10) | 0; rest > 0; rest = (rest / 10) | 0) length++;
    for (let i = at + length - 1; i >= at; i--) {
      const q = (n / 10) | 0;
      out[i] = ZERO + n - q * 10;
      n = q;
    }
    return at + length;
  }
  // Above 2^31: the high part, then the low eight digits with their zeros.
  const high = Math.floor(value / 1e8);
  let low = value - high * 1e8;
  at = writeWhole(out, at, high);
  for (let i = at + 7; i >= at; i--) {
    const q = (low / 10) | 0;
    out[i] = ZERO + low - q * 10;
    low = q;
  }
  return at + 8;
}

/** A text of ASCII characters (what `formatNumber` writes). */
function writeText(out: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) out[at++] = text.charCodeAt(i);
  return at;
}
