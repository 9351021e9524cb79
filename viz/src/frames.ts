/** Typed arrays a frame may carry. */
export type FrameArray = Float64Array | Float32Array | Int32Array;

/** Where one packed column lives in the frame's buffer. */
export interface ColumnSlot {
  name: string;
  kind: 'f64' | 'f32' | 'i32';
  offset: number;
  length: number;
}

/** A frame's columns packed into one transferable buffer, and where each column lies in it. */
export interface PackedColumns {
  buffer: ArrayBuffer;
  slots: ColumnSlot[];
}

const BYTES = { f64: 8, f32: 4, i32: 4 } as const;

function kindOf(array: FrameArray): ColumnSlot['kind'] {
  if (array instanceof Float64Array) return 'f64';
  if (array instanceof Float32Array) return 'f32';
  return 'i32';
}

// Every column starts on an 8-byte boundary so Float64Array views are always legal.
const align = (bytes: number) => Math.ceil(bytes / 8) * 8;

/** Bytes needed to pack these columns. */
export function packedSize(columns: Record<string, FrameArray>): number {
  let size = 0;
  for (const array of Object.values(columns)) size += align(array.length * BYTES[kindOf(array)]);
  return size;
}

/**
 * Packs columns into one ArrayBuffer (reusing `spare` when it is large enough, so a
 * buffer sent back by the page is filled again instead of allocating a new one).
 */
export function packColumns(columns: Record<string, FrameArray>, spare?: ArrayBuffer): PackedColumns {
  const size = packedSize(columns);
  const buffer = spare && spare.byteLength >= size ? spare : new ArrayBuffer(Math.max(8, size));
  const slots: ColumnSlot[] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(columns)) {
    const kind = kindOf(array);
    viewOf(buffer, kind, offset, array.length).set(array);
    slots.push({ name, kind, offset, length: array.length });
    offset += align(array.length * BYTES[kind]);
  }
  return { buffer, slots };
}

function viewOf(buffer: ArrayBuffer, kind: ColumnSlot['kind'], offset: number, length: number): FrameArray {
  if (kind === 'f64') return new Float64Array(buffer, offset, length);
  if (kind === 'f32') return new Float32Array(buffer, offset, length);
  return new Int32Array(buffer, offset, length);
}

/** Views (no copies) of the packed columns, by name. */
export function unpackColumns(packed: PackedColumns): Record<string, FrameArray> {
  const out: Record<string, FrameArray> = {};
  for (const slot of packed.slots) out[slot.name] = viewOf(packed.buffer, slot.kind, slot.offset, slot.length);
  return out;
}

/** Copies of the packed columns, for keeping after the buffer is sent back for reuse. */
export function copyColumns(packed: PackedColumns): Record<string, FrameArray> {
  const out: Record<string, FrameArray> = {};
  for (const [name, view] of Object.entries(unpackColumns(packed))) out[name] = view.slice();
  return out;
}
