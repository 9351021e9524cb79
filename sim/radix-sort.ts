/** Below this many values the built-in sort is as fast, and a radix pass's 64k counters are not worth clearing. */
const SMALL = 4096;
const DIGITS = 4;
const RADIX = 1 << 16;

/** The passes read a double as two 32-bit words, low word first: true on every platform we run on. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

let counts = new Uint32Array(0);
const offsets = new Uint32Array(RADIX);
let spare = new Uint32Array(0);

/**
 * Sorts a Float64Array in place, ascending, giving exactly the array `values.sort()` gives
 * (−0 before +0; with a NaN present it simply calls `values.sort()`), in O(n): an LSD radix
 * sort on the IEEE bit patterns, 16 bits a pass. The built-in comparison sort took ~12 ms
 * per 100,000 values here. Keeps a scratch copy of the largest input between calls.
 */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < SMALL || !LITTLE_ENDIAN) return values.sort();
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  if (!toOrderedBits(values, words)) return values.sort();
  if (spare.length < 2 * n) spare = new Uint32Array(Math.ceil(2 * n * 1.25));
  countDigits(words, n);
  let from: Uint32Array = words;
  let to: Uint32Array = spare;
  for (let digit = 0; digit < DIGITS; digit++) {
    // A digit every key shares orders nothing: skip its pass.
    if (counts[digit * RADIX + digitOf(from, 0, digit)] === n) continue;
    scatter(from, to, n, digit);
    const sorted = to;
    to = from;
    from = sorted;
  }
  if (from !== words) words.set(from.subarray(0, 2 * n));
  fromOrderedBits(words, n);
  return values;
}

/** The 16-bit digit `digit` (0 = lowest) of key i, a (low, high) pair of words. */
function digitOf(words: Uint32Array, i: number, digit: number): number {
  const word = words[2 * i + (digit >> 1)]!;
  return digit & 1 ? word >>> 16 : word & 0xffff;
}

/**
 * Rewrites each double's bits so that unsigned order is numeric order: negatives have every
 * bit flipped, others the sign bit set. False (nothing rewritten) when a NaN is present.
 */
function toOrderedBits(values: Float64Array, words: Uint32Array): boolean {
  const n = values.length;
  for (let i = 0; i < n; i++) if (values[i] !== values[i]) return false;
  for (let i = 0; i < n; i++) {
    const high = words[2 * i + 1]!;
    if (high & 0x80000000) {
      words[2 * i] = ~words[2 * i]!;
      words[2 * i + 1] = ~high;
    } else words[2 * i + 1] = high | 0x80000000;
  }
  return true;
}

function fromOrderedBits(words: Uint32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const high = words[2 * i + 1]!;
    if (high & 0x80000000) words[2 * i + 1] = high & 0x7fffffff;
    else {
      words[2 * i] = ~words[2 * i]!;
      words[2 * i + 1] = ~high;
    }
  }
}

/** Histograms of all four digits in one pass, then each turned into starting offsets. */
function countDigits(words: Uint32Array, n: number): void {
  if (counts.length < DIGITS * RADIX) counts = new Uint32Array(DIGITS * RADIX);
  else counts.fill(0);
  for (let i = 0; i < n; i++) {
    const low = words[2 * i]!;
    const high = words[2 * i + 1]!;
    counts[low & 0xffff]!++;
    counts[RADIX + (low >>> 16)]!++;
    counts[2 * RADIX + (high & 0xffff)]!++;
    counts[3 * RADIX + (high >>> 16)]!++;
  }
}

/** One stable pass on one digit: keys move from `from` to `to` in that digit's order. */
function scatter(from: Uint32Array, to: Uint32Array, n: number, digit: number): void {
  const base = digit * RADIX;
  let total = 0;
  for (let d = 0; d < RADIX; d++) {
    offsets[d] = total;
    total += counts[base + d]!;
  }
  const word = digit >> 1;
  const shift = digit & 1 ? 16 : 0;
  for (let i = 0; i < n; i++) {
    const d = (from[2 * i + word]! >>> shift) & 0xffff;
    const at = 2 * offsets[d]!++;
    to[at] = from[2 * i]!;
    to[at + 1] = from[2 * i + 1]!;
  }
}
