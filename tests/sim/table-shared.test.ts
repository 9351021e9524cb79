import { describe, expect, it } from 'vitest';
import { Rng, Table } from '../../sim/index.js';

const schema = { wealth: Float64Array, age: Float32Array, group: Int32Array, flag: Uint8Array };

/** The same random adds and removals on two tables, checking after every operation that they agree. */
function twin(operations: number, seed: string) {
  const plain = new Table(schema, 3);
  const shared = new Table(schema, 3, { shared: true });
  const rng = new Rng(seed);
  const ids: number[] = [];
  for (let k = 0; k < operations; k++) {
    if (ids.length > 0 && rng.next() < 0.35) {
      const id = ids.splice(rng.int(ids.length), 1)[0]!;
      plain.remove(id);
      shared.remove(id);
    } else {
      const values = { wealth: rng.normal(0, 100), age: rng.uniform(0, 90), group: rng.int(1000) - 500, flag: rng.int(2) };
      const id = plain.add(values);
      if (shared.add(values) !== id) throw new Error(`ids differ at operation ${k}`);
      ids.push(id);
    }
  }
  return { plain, shared, ids };
}

describe('Table with shared columns', () => {
  it('puts every column on a SharedArrayBuffer, and keeps it there through growth', () => {
    const { shared } = twin(400, 'grow');
    expect(shared.allocated).toBeGreaterThan(3);
    for (const column of Object.values(shared.cols)) expect(column.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('holds exactly the values an unshared table holds after the same adds, removals and growth', () => {
    const { plain, shared, ids } = twin(3000, 'same');
    expect(shared.length).toBe(plain.length);
    expect(shared.allocated).toBe(plain.allocated);
    for (const field of Object.keys(schema) as (keyof typeof schema)[]) {
      expect(Array.from(shared.column(field))).toEqual(Array.from(plain.column(field)));
    }
    expect(ids.map((id) => shared.rowOf(id))).toEqual(ids.map((id) => plain.rowOf(id)));
  });

  it('hands out its id maps, shared with the columns, current after growth, adds and removals', () => {
    const { plain, shared, ids } = twin(3000, 'ids');
    for (const table of [plain, shared]) {
      const { rowOfId, idOfRow } = table.idColumns();
      expect(rowOfId.buffer).toBeInstanceOf(table === shared ? SharedArrayBuffer : ArrayBuffer);
      expect(idOfRow.buffer).toBeInstanceOf(table === shared ? SharedArrayBuffer : ArrayBuffer);
      for (const id of ids) expect(rowOfId[id]).toBe(table.rowOf(id));
      for (let row = 0; row < table.length; row++) expect(idOfRow[row]).toBe(table.idOf(row));
      // A removed id maps to no row.
      const gone = ids[0]!;
      table.remove(gone);
      expect(table.idColumns().rowOfId[gone]).toBe(-1);
    }
  });

  it('leaves columns unshared by default', () => {
    const { plain } = twin(50, 'default');
    for (const column of Object.values(plain.cols)) expect(column.buffer).toBeInstanceOf(ArrayBuffer);
  });
});

describe('Table.version', () => {
  it('changes when growth replaces the columns and at no other time', () => {
    for (const options of [{}, { shared: true }]) {
      const table = new Table(schema, 4, options);
      const start = table.version;
      const ids = [1, 2, 3, 4].map((wealth) => table.add({ wealth }));
      table.remove(ids[1]!);
      table.add({ wealth: 5 });
      // Removals and adds within capacity leave the arrays in place, even when ids outgrow the id map.
      for (let k = 0; k < 20; k++) table.remove(table.idOf(0)), table.add({ wealth: k });
      expect(table.version).toBe(start);
      const before = table.cols.wealth;
      expect(table.cols.wealth).toBe(before);
      table.add({ wealth: 6 });
      expect(table.version).toBe(start + 1);
      expect(table.cols.wealth).not.toBe(before);
      expect(table.allocated).toBe(5);
    }
  });

  it('grows by about a quarter, not by doubling', () => {
    const table = new Table(schema, 1000);
    for (let k = 0; k <= 1000; k++) table.add({ wealth: k });
    expect(table.allocated).toBe(1250);
    expect(table.version).toBe(1);
  });
});

describe('Table.addRows', () => {
  it('adds zeroed rows with consecutive ids, as many single adds would, growing as needed', () => {
    for (const options of [{}, { shared: true }]) {
      const bulk = new Table(schema, 2, options);
      const single = new Table(schema, 2, options);
      bulk.add({ wealth: 7 });
      single.add({ wealth: 7 });
      // A removed last row leaves its values behind the live rows: the new rows must not inherit them.
      bulk.remove(bulk.add({ wealth: 9, age: 3, group: -4, flag: 1 }));
      single.remove(single.add({ wealth: 9, age: 3, group: -4, flag: 1 }));
      const first = bulk.addRows(10);
      for (let k = 0; k < 10; k++) single.add();
      expect(first).toBe(1);
      expect(bulk.length).toBe(11);
      expect(Array.from({ length: 11 }, (_, row) => bulk.idOf(row))).toEqual(Array.from({ length: 11 }, (_, row) => single.idOf(row)));
      for (const field of Object.keys(schema) as (keyof typeof schema)[]) expect(Array.from(bulk.column(field))).toEqual(Array.from(single.column(field)));
      expect(bulk.rowOf(bulk.idOf(10))).toBe(10);
      expect(bulk.allocated).toBeGreaterThanOrEqual(11);
    }
  });
});
