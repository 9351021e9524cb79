/**
 * A run's identity comes from what it is (its parameter values and replicate number, under
 * the sweep seed), never from where it sits in a list: adding a value to a sweep leaves every
 * other run's id, seed and files unchanged.
 */

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/** JSON with object keys sorted at every depth, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A 64-bit hash of a text: FNV-1a over its UTF-8 bytes, then a MurmurHash3 finaliser to spread the bits. */
export function hash64(text: string): bigint {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  // FNV-1a alone mixes the last bytes poorly; the finaliser makes every input bit reach every output bit.
  hash ^= hash >> 33n;
  hash = (hash * 0xff51afd7ed558ccdn) & MASK_64;
  hash ^= hash >> 33n;
  hash = (hash * 0xc4ceb9fe1a85ec53n) & MASK_64;
  hash ^= hash >> 33n;
  return hash;
}

/** The id and seed of one run of a sweep. */
export interface RunIdentity {
  /** 12 hex digits: the top 48 bits of the run's hash. */
  id: string;
  /** A positive 31-bit integer: the low bits of the same hash. */
  seed: number;
}

/** The id and seed of the run with these parameter values and this replicate, under the sweep seed. */
export function runIdentity(sweepSeed: number, params: Record<string, unknown>, replicate: number): RunIdentity {
  const hash = hash64(`${sweepSeed}\n${canonicalJson(params)}\n${replicate}`);
  const id = (hash >> 16n).toString(16).padStart(12, '0');
  // Seed 0 is avoided only so that "no seed" and a real seed never look alike in logs.
  const seed = Number(hash & 0x7fffffffn) || 1;
  return { id, seed };
}
