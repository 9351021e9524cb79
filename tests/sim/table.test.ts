import { describe, expect, it } from 'vitest';
import { gatherBytes, gatherHalves, gatherWordPairs, gatherWords, Rng, Table, type ColumnGather } from '../../sim/index.js';

function people(capacity = 4) {
  return new Table({ wealth: Float64Array, age: Uint8Array }, capacity);
}

describe('Table', () => {
  it('adds rows with the given values and zero elsewhere', () => {
    const table = people();
    const id = table.add({ wealth: 2.5 });
    expect(table.length).toBe(1);
    expect(table.get(id, 'wealth')).toBe(2.5);
    expect(table.get(id, 'age')).toBe(0);
    table.set(id, 'age', 30);
    expect(table.cols.age[table.rowOf(id)]).toBe(30);
  });

  it('keeps ids stable through removals and never reuses them', () => {
    const table = people();
    const ids = [10, 20, 30, 40].map((wealth) => table.add({ wealth }));
    table.remove(ids[0]!);
    expect(table.length).toBe(3);
    expect(table.has(ids[0]!)).toBe(false);
    expect(table.rowOf(ids[0]!)).toBe(-1);
    // The last row moved into the hole; its id still finds its values.
    expect(table.get(ids[3]!, 'wealth')).toBe(40);
    expect(table.idOf(0)).toBe(ids[3]);
    const fresh = table.add({ wealth: 50 });
    expect(ids).not.toContain(fresh);
    // Every id ever issued, removed ones included, lies below idsIssued.
    expect(table.idsIssued).toBe(5);
    for (const id of [...ids, fresh]) expect(id).toBeLessThan(table.idsIssued);
    expect([...ids.slice(1), fresh].map((id) => table.get(id, 'wealth'))).toEqual([20, 30, 40, 50]);
    expect(() => table.remove(ids[0]!)).toThrow(/no row/);
  });

  it('tells a remembered row that still holds its id from one that no longer does (idOfRow is −1 past the last row)', () => {
    const table = people(2);
    const ids = [10, 20, 30, 40, 50].map((wealth) => table.add({ wealth }));
    const holds = (row: number, id: number) => table.idColumns().idOfRow[row] === id;
    const remembered = ids.map((id) => table.rowOf(id));
    // Rows never used, after growing, hold no id: not even id 0.
    expect([...table.idColumns().idOfRow.subarray(table.length)].every((id) => id === -1)).toBe(true);
    // Removing the first: the last (id 4) moves into row 0, and its old row holds nothing.
    table.remove(ids[0]!);
    expect(holds(remembered[0]!, ids[0]!)).toBe(false);
    expect(holds(remembered[4]!, ids[4]!)).toBe(false);
    expect(table.idColumns().idOfRow[4]).toBe(-1);
    expect(holds(remembered[2]!, ids[2]!)).toBe(true);
    // Removing the last row itself leaves no trace of it either.
    table.remove(ids[3]!);
    expect(holds(remembered[3]!, ids[3]!)).toBe(false);
    // Where `holds` says yes, rowOf agrees; where it says no, the id moved or is gone.
    for (const [k, id] of ids.entries()) {
      if (holds(remembered[k]!, id)) expect(table.rowOf(id)).toBe(remembered[k]);
      else expect(table.rowOf(id)).not.toBe(remembered[k]);
    }
  });

  it('grows past its capacity, keeping every value and id', () => {
    const table = people(2);
    const ids = Array.from({ length: 1000 }, (_, i) => table.add({ wealth: i, age: i % 100 }));
    expect(table.length).toBe(1000);
    expect(table.allocated).toBeGreaterThanOrEqual(1000);
    ids.forEach((id, i) => expect(table.get(id, 'wealth')).toBe(i));
    expect(table.column('age')).toHaveLength(1000);
    expect(table.bytes).toBeGreaterThanOrEqual(table.allocated * (8 + 1));
  });

  it('returns a copy of the live rows of a column', () => {
    const table = people();
    [1, 2, 3].forEach((wealth) => table.add({ wealth }));
    const copy = table.column('wealth');
    expect(Array.from(copy)).toEqual([1, 2, 3]);
    copy[0] = 99;
    expect(table.cols.wealth[0]).toBe(1);
    expect(table.sum((row) => table.cols.wealth[row]!)).toBe(6);
  });

  it('skips rows removed during forEach and visits none twice', () => {
    const table = people();
    const ids = Array.from({ length: 10 }, (_, i) => table.add({ wealth: i }));
    const visited: number[] = [];
    table.forEach((row, id) => {
      visited.push(id);
      expect(table.idOf(row)).toBe(id);
      // Each visited row removes the next-but-one id still alive and, once, itself.
      if (id === ids[2]) table.remove(id);
      if (id + 2 < 10 && table.has(ids[id + 2]!)) table.remove(ids[id + 2]!);
    });
    expect(new Set(visited).size).toBe(visited.length);
    expect(visited).toEqual([0, 1, 4, 5, 8, 9]);
  });

  it('does not visit rows added during forEach', () => {
    const table = people();
    [1, 2, 3].forEach((wealth) => table.add({ wealth }));
    const seen: number[] = [];
    table.forEach((row, id) => {
      seen.push(id);
      table.add({ wealth: table.cols.wealth[row]! * 10 });
    });
    expect(seen).toEqual([0, 1, 2]);
    expect(table.length).toBe(6);
  });

  it('handles removal of the current row, of visited rows and of the last row in forEach', () => {
    const table = people();
    const ids = Array.from({ length: 6 }, (_, i) => table.add({ wealth: i }));
    const visited: number[] = [];
    table.forEach((_row, id) => {
      visited.push(id);
      if (id === ids[1]) {
        table.remove(ids[0]!); // already visited
        table.remove(ids[5]!); // the last row, not yet visited
        table.remove(id); // the current row
      }
    });
    expect(visited).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(table.column('wealth')).sort()).toEqual([2, 3, 4]);
  });

  it('holds a million rows: adds, removes half during forEach, and keeps every survivor’s values', () => {
    const table = new Table({ wealth: Float64Array, age: Uint8Array });
    const n = 1_000_000;
    for (let i = 0; i < n; i++) table.add({ wealth: i, age: i % 100 });
    let visited = 0;
    table.forEach((row, id) => {
      visited++;
      if (table.cols.wealth[row]! % 2 === 1) table.remove(id);
    });
    expect(visited).toBe(n);
    expect(table.length).toBe(n / 2);
    // Survivors are exactly the even wealths, each still under its own id (id i was added with wealth i).
    expect(table.sum((row) => table.cols.wealth[row]!)).toBe(2 * ((n / 2) * (n / 2 - 1)) / 2);
    for (const id of [0, 2, 123_456, 999_998]) expect(table.get(id, 'wealth')).toBe(id);
    expect(table.has(999_999)).toBe(false);
  });

  it('permutes rows: each id keeps its values, rowOf follows, the columns keep their arrays', () => {
    const table = new Table({ wealth: Float64Array, age: Uint8Array, group: Int32Array, level: Int16Array, share: Float32Array }, 8, { shared: true });
    for (let k = 0; k < 6; k++) table.add({ wealth: k + 0.5, age: 10 + k, group: k % 2, level: -300 * k, share: k / 3 });
    table.cols.wealth[table.rowOf(4)] = -0;
    table.cols.share[table.rowOf(5)] = NaN;
    table.remove(1);
    const fields = ['wealth', 'age', 'group', 'level', 'share'] as const;
    const before = new Map<number, number[]>();
    table.forEach((row, id) => before.set(id, fields.map((field) => table.cols[field][row]!)));
    const wealth = table.cols.wealth;
    // Group 0's rows first, then group 1's: the use the society makes of it.
    const order = Int32Array.from([...Array(table.length).keys()].sort((a, b) => table.cols.group[a]! - table.cols.group[b]! || a - b));
    const idsInOrder = Array.from(order, (row) => table.idOf(row));
    table.permute(order);
    expect(table.cols.wealth).toBe(wealth);
    expect(Array.from(table.cols.group.subarray(0, table.length))).toEqual([0, 0, 0, 1, 1]);
    for (let k = 0; k < table.length; k++) expect(table.idOf(k)).toBe(idsInOrder[k]);
    for (const [id, values] of before) {
      expect(table.rowOf(id)).toBe(idsInOrder.indexOf(id));
      expect(fields.map((field) => table.get(id, field))).toEqual(values); // toEqual tells -0 from 0 and matches NaN
    }
    expect(table.has(1)).toBe(false);
    const id = table.add({ wealth: 9 });
    expect(table.rowOf(id)).toBe(5);
  });

  it('permutes the same with a gather of its own that splits the rows in ranges and runs them backwards', () => {
    const schema = { wealth: Float64Array, age: Uint8Array, group: Int32Array, level: Int16Array, share: Float32Array };
    const build = () => {
      const table = new Table(schema, 8);
      const rng = new Rng('gather');
      for (let k = 0; k < 3000; k++) table.add({ wealth: rng.normal(0, 5), age: rng.int(100), group: rng.int(7), level: rng.int(600) - 300, share: rng.next() });
      for (let k = 0; k < 500; k++) table.removeRow(rng.int(table.length));
      return table;
    };
    const plain = build();
    const ranged = build();
    const order = Int32Array.from([...Array(plain.length).keys()].sort((a, b) => plain.cols.group[a]! - plain.cols.group[b]! || b - a));
    plain.permute(order);
    let calls = 0;
    const byRanges: ColumnGather = (to, from, o, n, words) => {
      calls++;
      for (let end = n; end > 0; end -= 97) {
        const start = Math.max(0, end - 97);
        if (to instanceof Uint8Array) gatherBytes(to, from as Uint8Array, o, start, end);
        else if (to instanceof Uint16Array) gatherHalves(to, from as Uint16Array, o, start, end);
        else if (words === 1) gatherWords(to, from as Int32Array, o, start, end);
        else gatherWordPairs(to, from as Int32Array, o, start, end);
      }
    };
    ranged.permute(order, undefined, byRanges);
    expect(calls).toBe(5);
    for (const field of Object.keys(schema) as (keyof typeof schema)[]) expect(Array.from(ranged.column(field))).toEqual(Array.from(plain.column(field)));
    for (let row = 0; row < plain.length; row++) expect(ranged.idOf(row)).toBe(plain.idOf(row));
  });

  it('refuses an order that is not a permutation of the rows, and changes nothing', () => {
    const table = people();
    for (let k = 0; k < 4; k++) table.add({ wealth: k });
    expect(() => table.permute([0, 1, 2])).toThrow(/lists 3 rows, the table has 4/);
    expect(() => table.permute([0, 1, 1, 3])).toThrow(/order\[2\] = 1/);
    expect(() => table.permute([0, 1, 2, 4])).toThrow(/order\[3\] = 4/);
    expect(() => table.permute([3, 2, 1, 0], new ArrayBuffer(31))).toThrow(/scratch holds 31 bytes, 32 needed/);
    expect(Array.from(table.column('wealth'))).toEqual([0, 1, 2, 3]);
    // A scratch buffer handed over, whatever it held, serves as well as its own.
    table.permute([3, 2, 1, 0], new Float64Array(5).fill(-7).buffer);
    expect(Array.from(table.column('wealth'))).toEqual([3, 2, 1, 0]);
    expect(table.rowOf(0)).toBe(3);
  });
});
