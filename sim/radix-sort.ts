import { blockwise } from './table.js';

/** Below this many values the built-in sort is as fast. */
const SMALL = 4096;
/** The first pass deals keys out by their top 16 bits. */
const RADIX = 1 << 16;
/** Within a bucket, the 48 bits below: six 8-bit digits (four bytes of the low word, two of the high). */
const BYTES = 6;
/** A bucket this small is sorted by insertion. */
const TINY = 32;

/** The passes read a double as two 32-bit words, low word first: true on every platform we run on. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Where each top-digit bucket ends, and the next free place in it while the first pass deals the keys out. */
const bucketEnds = new Uint32Array(RADIX);
const bucketHeads = new Uint32Array(RADIX);
const byteCounts = new Uint32Array(BYTES * 256);
const byteOffsets = new Uint32Array(256);
/** The LSD passes' other buffer: the size of the largest bucket sorted so far (pairs of words). */
let spare = new Uint32Array(0);

/**
 * Sorts a Float64Array in place, ascending, giving exactly the array `values.sort()` gives
 * (−0 before +0; with a NaN present it simply calls `values.sort()`), in O(n). Keys are the
 * IEEE bit patterns, rewritten so that unsigned order is numeric order. A first pass deals
 * them out in place by their top 16 bits (sign, exponent and 4 bits of mantissa) into buckets
 * already in order with each other; each bucket is then sorted on its own by an LSD radix sort
 * on the 48 bits below, 8 bits a pass, through a scratch the size of the bucket. The scratch
 * kept between calls is so the size of the largest bucket — a few per cent of the input for
 * the spread distributions a model measures, all of it only when every value shares its top
 * bits — not of the input. The built-in comparison sort took ~12 ms per 100,000 values here.
 */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < SMALL || !LITTLE_ENDIAN) return values.sort();
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  if (!toOrderedBits(values, words)) return values.sort();
  dealByTopDigit(words, n);
  let from = 0;
  for (let d = 0; d < RADIX; d++) {
    const to = bucketEnds[d]!;
    if (to - from > TINY) radixSortBucket(words.subarray(2 * from, 2 * to), to - from);
    else if (to - from > 1) insertionSort(words, from, to);
    from = to;
  }
  fromOrderedBits(words, n);
  return values;
}

/** The scratch's length in words (for tests: it follows the largest bucket, not the input). */
export function sortScratchLength(): number {
  return spare.length;
}

/**
 * Rewrites each double's bits so that unsigned order is numeric order: negatives have every
 * bit flipped, others the sign bit set. False (nothing rewritten) when a NaN is present.
 */
function toOrderedBits(values: Float64Array, words: Uint32Array): boolean {
  const n = values.length;
  // Each pass in blocks (see `blockwise`): a sort runs a few times a year of model time, and
  // one long loop would be optimised mid-pass and thrown away after it every time.
  const numbers = blockwise(n, 1, (from, to, clean) => {
    for (let i = from; i < to; i++) clean = values[i] !== values[i] ? 0 : clean;
    return clean;
  });
  if (numbers === 0) return false;
  blockwise(n, 0, (from, to) => {
    for (let i = from; i < to; i++) {
      const high = words[2 * i + 1]!;
      if (high & 0x80000000) {
        words[2 * i] = ~words[2 * i]!;
        words[2 * i + 1] = ~high;
      } else words[2 * i + 1] = high | 0x80000000;
    }
    return 0;
  });
  return true;
}

function fromOrderedBits(words: Uint32Array, n: number): void {
  blockwise(n, 0, (from, to) => {
    for (let i = from; i < to; i++) {
      const high = words[2 * i + 1]!;
      if (high & 0x80000000) words[2 * i + 1] = high & 0x7fffffff;
      else {
        words[2 * i] = ~words[2 * i]!;
        words[2 * i + 1] = ~high;
      }
    }
    return 0;
  });
}

/**
 * Moves every key (a pair of words) into the bucket of its top 16 bits, in place: a key out
 * of place is swapped into the next free place of its own bucket, and the key found there
 * goes on in hand, until the one in hand belongs where the first was taken from. Leaves each
 * bucket's end in `bucketEnds`.
 */
function dealByTopDigit(words: Uint32Array, n: number): void {
  bucketEnds.fill(0);
  blockwise(n, 0, (from, to) => {
    for (let i = from; i < to; i++) bucketEnds[words[2 * i + 1]! >>> 16]!++;
    return 0;
  });
  blockwise(RADIX, 0, (from, to, total) => {
    for (let d = from; d < to; d++) {
      bucketHeads[d] = total;
      total += bucketEnds[d]!;
      bucketEnds[d] = total;
    }
    return total;
  });
  for (let d = 0; d < RADIX; d++) {
    const end = bucketEnds[d]!;
    for (let i = bucketHeads[d]!; i < end; i = bucketHeads[d]!) {
      let low = words[2 * i]!;
      let high = words[2 * i + 1]!;
      for (let home = high >>> 16; home !== d; home = high >>> 16) {
        const j = bucketHeads[home]!++;
        const nextLow = words[2 * j]!;
        const nextHigh = words[2 * j + 1]!;
        words[2 * j] = low;
        words[2 * j + 1] = high;
        low = nextLow;
        high = nextHigh;
      }
      words[2 * i] = low;
      words[2 * i + 1] = high;
      bucketHeads[d]!++;
    }
  }
}

/** Keys [from, to) in order by insertion (high word, then low; unsigned). */
function insertionSort(words: Uint32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const low = words[2 * i]!;
    const high = words[2 * i + 1]!;
    let j = i - 1;
    while (j >= from && (words[2 * j + 1]! > high || (words[2 * j + 1] === high && words[2 * j]! > low))) {
      words[2 * j + 2] = words[2 * j]!;
      words[2 * j + 3] = words[2 * j + 1]!;
      j--;
    }
    words[2 * j + 2] = low;
    words[2 * j + 3] = high;
  }
}

/** The 8-bit digit `digit` (0 = lowest) of a key: bytes 0–3 of its low word, then 0–1 of its high word. */
function byteOf(low: number, high: number, digit: number): number {
  return (digit < 4 ? low >>> (8 * digit) : high >>> (8 * (digit - 4))) & 0xff;
}

/** LSD radix sort of one bucket's n keys (they share their top 16 bits), 8 bits a pass, through `spare`. */
function radixSortBucket(words: Uint32Array, n: number): void {
  countBytes(words, n);
  let from: Uint32Array = words;
  let to: Uint32Array = spare;
  for (let digit = 0; digit < BYTES; digit++) {
    // A digit every key shares orders nothing: skip its pass (a bucket of one value needs none, nor scratch).
    if (byteCounts[digit * 256 + byteOf(from[0]!, from[1]!, digit)] === n) continue;
    if (to.length < 2 * n) to = spare = new Uint32Array(Math.ceil(2 * n * 1.25));
    scatter(from, to, n, digit);
    const sorted = to;
    to = from;
    from = sorted;
  }
  if (from !== words) words.set(from.subarray(0, 2 * n));
}

/** Histograms of all six digits in one pass. */
function countBytes(words: Uint32Array, n: number): void {
  byteCounts.fill(0);
  for (let i = 0; i < n; i++) {
    const low = words[2 * i]!;
    const high = words[2 * i + 1]!;
    byteCounts[low & 0xff]!++;
    byteCounts[256 + ((low >>> 8) & 0xff)]!++;
    byteCounts[512 + ((low >>> 16) & 0xff)]!++;
    byteCounts[768 + (low >>> 24)]!++;
    byteCounts[1024 + (high & 0xff)]!++;
    byteCounts[1280 + ((high >>> 8) & 0xff)]!++;
  }
}

/** One stable pass on one digit: keys move from `from` to `to` in that digit's order. */
function scatter(from: Uint32Array, to: Uint32Array, n: number, digit: number): void {
  const base = digit * 256;
  let total = 0;
  for (let d = 0; d < 256; d++) {
    byteOffsets[d] = total;
    total += byteCounts[base + d]!;
  }
  const word = digit < 4 ? 0 : 1;
  const shift = 8 * (digit & 3);
  for (let i = 0; i < n; i++) {
    const d = (from[2 * i + word]! >>> shift) & 0xff;
    const at = 2 * byteOffsets[d]!++;
    to[at] = from[2 * i]!;
    to[at + 1] = from[2 * i + 1]!;
  }
}
