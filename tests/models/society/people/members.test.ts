import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { Members } from '../../../../models/society/people/members.js';
import { createPeopleTable, type People } from '../../../../models/society/people/people.js';

/** A table of persons spread over communities at random, with some removed (so rows and ids differ). */
function scattered(persons: number, communities: number, seed: string): People {
  const people = createPeopleTable(8);
  const rng = new Rng(seed);
  for (let k = 0; k < persons; k++) people.add({ community: rng.int(communities) });
  for (let k = 0; k < persons / 4; k++) people.removeRow(rng.int(people.length));
  return people;
}

/** Each community's rows, in the order a straightforward scan by id would list them. */
function reference(people: People, communities: number): number[][] {
  const byId: { id: number; row: number }[] = [];
  for (let row = 0; row < people.length; row++) byId.push({ id: people.idOf(row), row });
  byId.sort((a, b) => a.id - b.id);
  const buckets: number[][] = Array.from({ length: communities }, () => []);
  for (const { row } of byId) buckets[people.cols.community[row]!]!.push(row);
  return buckets;
}

function buckets(members: Members, communities: number): number[][] {
  return Array.from({ length: communities }, (_, c) => Array.from(members.rows.subarray(members.start[c]!, members.start[c + 1]!)));
}

describe('Members', () => {
  it('lists each community\'s rows in id order, shared or not', () => {
    const people = scattered(2000, 37, 'members');
    const expected = reference(people, 37);
    for (const shared of [false, true]) {
      const members = new Members({ shared });
      members.rebuild(people, 37);
      expect(buckets(members, 37)).toEqual(expected);
      expect(members.count(5)).toBe(expected[5]!.length);
    }
  });

  it('puts start and rows on SharedArrayBuffers only when asked', () => {
    const people = scattered(300, 7, 'where');
    const shared = new Members({ shared: true });
    const plain = new Members();
    shared.rebuild(people, 7);
    plain.rebuild(people, 7);
    expect(shared.start.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.rows.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(plain.start.buffer).toBeInstanceOf(ArrayBuffer);
    expect(plain.rows.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('bumps version when start or rows is replaced, and only then', () => {
    const people = scattered(400, 10, 'version');
    const members = new Members({ shared: true });
    members.rebuild(people, 10);
    const built = members.version;
    expect(built).toBeGreaterThan(0);
    members.rebuild(people, 10);
    expect(members.version).toBe(built);
    people.removeRow(0);
    members.rebuild(people, 10);
    expect(members.version).toBe(built);
    members.rebuild(people, 11);
    expect(members.version).toBe(built + 1);
    while (people.length <= members.rows.length) people.add({ community: 3 });
    members.rebuild(people, 11);
    expect(members.version).toBe(built + 2);
    expect(buckets(members, 11)).toEqual(reference(people, 11));
  });

  it('lists rows in id order when the rows sit gathered by community but for births, moves and removals', () => {
    const people = scattered(3000, 40, 'gathered');
    const members = new Members();
    members.rebuild(people, 40);
    people.permute(members.rows.subarray(0, people.length));
    const rng = new Rng('since');
    // A month's worth of change: some die (the last row moves into their place), some move, some are born.
    for (let k = 0; k < 30; k++) people.removeRow(rng.int(people.length));
    for (let k = 0; k < 30; k++) people.cols.community[rng.int(people.length)] = rng.int(40);
    for (let k = 0; k < 30; k++) people.add({ community: rng.int(40) });
    members.rebuild(people, 40);
    expect(buckets(members, 40)).toEqual(reference(people, 40));
    // And gathered exactly: nothing to sort.
    people.permute(members.rows.subarray(0, people.length));
    members.rebuild(people, 40);
    expect(buckets(members, 40)).toEqual(reference(people, 40));
  });

  it('lists rows in id order from a table in reverse id order', () => {
    const people = createPeopleTable(8);
    for (let k = 0; k < 2000; k++) people.add({ community: k % 3 });
    people.permute(Int32Array.from({ length: 2000 }, (_, k) => 1999 - k));
    const members = new Members();
    members.rebuild(people, 3);
    expect(buckets(members, 3)).toEqual(reference(people, 3));
  });

  it('settles moves by patching the buckets: the same as a rebuild, many moves or few, new communities, moves back and on included', () => {
    for (const shared of [false, true]) {
      const people = scattered(3000, 40, 'moves');
      const rng = new Rng('moving');
      const members = new Members({ shared });
      members.rebuild(people, 40);
      let communities = 40;
      for (let round = 0; round < 5; round++) {
        const move = (row: number, to: number) => {
          members.noteMove(row, people.cols.community[row]!);
          people.cols.community[row] = to;
        };
        if (round % 2 === 1) communities += 3; // a split founds communities
        // Many moves, or a few (most buckets then unchanged, copied in runs).
        for (let k = 0; k < (round % 2 === 0 ? 60 : 3); k++) move(rng.int(people.length), rng.int(communities));
        const back = rng.int(people.length); // away and back again: no move at all
        const home = people.cols.community[back]!;
        move(back, (home + 1) % communities);
        move(back, home);
        const on = rng.int(people.length); // away, then on to a third community
        move(on, (people.cols.community[on]! + 1) % communities);
        move(on, (people.cols.community[on]! + 1) % communities);
        members.settleMoves(people, communities, new Int32Array(people.length));
        expect(buckets(members, communities)).toEqual(reference(people, communities));
        expect(members.start[communities]).toBe(people.length);
      }
    }
  });

  it('settles a move into an empty community between unchanged ones: those after it shift along', () => {
    const people = createPeopleTable(8);
    for (const community of [0, 0, 1, 1, 3, 3, 4, 5, 5]) people.add({ community });
    const members = new Members();
    members.rebuild(people, 6);
    const mover = people.length - 1; // from 5 into the empty 2; 0, 1, 3 and 4 keep their members
    members.noteMove(mover, 5);
    people.cols.community[mover] = 2;
    members.settleMoves(people, 6, new Int32Array(people.length));
    expect(buckets(members, 6)).toEqual(reference(people, 6));
  });

  it('rebuilds instead when rows were added or removed since, or the scratch is short', () => {
    const people = scattered(500, 6, 'fallback');
    const members = new Members();
    members.rebuild(people, 6);
    members.noteMove(3, people.cols.community[3]!);
    people.cols.community[3] = (people.cols.community[3]! + 1) % 6;
    people.removeRow(10);
    members.settleMoves(people, 6, new Int32Array(people.length));
    expect(buckets(members, 6)).toEqual(reference(people, 6));
    members.noteMove(4, people.cols.community[4]!);
    people.cols.community[4] = (people.cols.community[4]! + 1) % 6;
    members.settleMoves(people, 6, new Int32Array(3));
    expect(buckets(members, 6)).toEqual(reference(people, 6));
    // A row removed and another added: as many rows as before, but not the same ones.
    members.noteMove(5, people.cols.community[5]!);
    people.cols.community[5] = (people.cols.community[5]! + 1) % 6;
    people.removeRow(0);
    people.add({ community: 2 });
    members.settleMoves(people, 6, new Int32Array(people.length));
    expect(buckets(members, 6)).toEqual(reference(people, 6));
  });

  it('settles removals and additions by patching the buckets: the same as a rebuild, month after month', () => {
    for (const shared of [false, true]) {
      const people = scattered(3000, 40, 'removals');
      const rng = new Rng('months');
      const members = new Members({ shared });
      members.rebuild(people, 40);
      const replaced = members.version;
      for (let month = 0; month < 12; month++) {
        // Deaths anywhere, the last rows among them (chains of swaps), then births; more born than die, so rows grow.
        const dying = new Set<number>();
        for (let k = 0; k < 40; k++) dying.add(rng.int(people.length));
        for (let k = 1; k <= 3; k++) dying.add(people.length - k);
        const rows = [...dying];
        members.noteRemovals(people, rows);
        for (const row of rows.sort((a, b) => b - a)) people.removeRow(row);
        const born = month === 5 ? 0 : 100 + rng.int(40);
        for (let k = 0; k < born; k++) people.add({ community: rng.int(40) });
        members.settleRemovals(people, 40, new Int32Array(people.length + 50));
        expect(buckets(members, 40)).toEqual(reference(people, 40));
        expect(members.start[40]).toBe(people.length);
        expect(() => members.inOrder(people)).not.toThrow();
      }
      expect(members.version).toBeGreaterThan(replaced); // rows outgrew their array on the way
    }
  });

  it('settles a few removals among many communities: the buckets nobody left are copied as they were', () => {
    const people = scattered(3000, 400, 'few removals');
    const rng = new Rng('few');
    const members = new Members();
    members.rebuild(people, 400);
    for (let month = 0; month < 24; month++) {
      // A handful of deaths, sometimes the last row itself: most buckets hold no dying row and no moved one.
      const dying = new Set<number>();
      for (let k = 0; k < 1 + rng.int(5); k++) dying.add(rng.int(people.length));
      if (month % 3 === 0) dying.add(people.length - 1);
      const rows = [...dying];
      members.noteRemovals(people, rows);
      for (const row of rows.sort((a, b) => b - a)) people.removeRow(row);
      for (let k = 0; k < rng.int(6); k++) people.add({ community: rng.int(400) });
      members.settleRemovals(people, 400, new Int32Array(people.length + 50));
      expect(buckets(members, 400)).toEqual(reference(people, 400));
      expect(members.start[400]).toBe(people.length);
    }
  });

  it('rebuilds instead of patching removals when nothing was noted, rows differ from the note, communities were added or the scratch is short', () => {
    const people = scattered(600, 8, 'unnoted');
    const members = new Members();
    members.rebuild(people, 8);
    people.removeRow(4);
    people.add({ community: 1 });
    members.settleRemovals(people, 8, new Int32Array(people.length));
    expect(buckets(members, 8)).toEqual(reference(people, 8));
    // Noted one row, removed two: a moved row is not where the note says.
    members.noteRemovals(people, [people.length - 2]);
    people.removeRow(people.length - 2);
    people.removeRow(0);
    members.settleRemovals(people, 8, new Int32Array(people.length));
    expect(buckets(members, 8)).toEqual(reference(people, 8));
    members.noteRemovals(people, [7]);
    people.removeRow(7);
    people.add({ community: 8 });
    members.settleRemovals(people, 9, new Int32Array(people.length));
    expect(buckets(members, 9)).toEqual(reference(people, 9));
    members.noteRemovals(people, [9, 3]);
    people.removeRow(9);
    people.removeRow(3);
    members.settleRemovals(people, 9, new Int32Array(2));
    expect(buckets(members, 9)).toEqual(reference(people, 9));
    // A rebuild between note and settle drops the note: the next patch does not skip those rows.
    members.noteRemovals(people, [11]);
    members.rebuild(people, 9);
    people.removeRow(20);
    members.noteRemovals(people, [30]);
    people.removeRow(30);
    members.settleRemovals(people, 9, new Int32Array(people.length));
    expect(buckets(members, 9)).toEqual(reference(people, 9));
  });

  it('renumbers the buckets after the rows were gathered in member order, and refuses a stale index', () => {
    const people = scattered(2000, 30, 'gather');
    const members = new Members();
    members.rebuild(people, 30);
    people.permute(members.inOrder(people).subarray(0, people.length));
    members.gathered(people);
    expect(buckets(members, 30)).toEqual(reference(people, 30));
    expect(Array.from(members.rows.subarray(0, people.length))).toEqual(Array.from({ length: people.length }, (_, k) => k));
    people.add({ community: 2 });
    expect(() => members.gathered(people)).toThrow(/rebuild/);
  });
});
