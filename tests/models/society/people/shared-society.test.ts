import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { small } from '../helpers.js';

function run(shared: boolean) {
  const society = new Society(small('hybrid'), 8, { shared });
  society.run({ steps: 36 });
  return society;
}

describe('a society on shared arrays', () => {
  it('gives the same metrics and events as one on ordinary arrays', () => {
    const plain = run(false);
    const shared = run(true);
    expect(shared.collector.toCSV()).toBe(plain.collector.toCSV());
    expect(shared.events.toNDJSON()).toBe(plain.events.toNDJSON());
  });

  it('keeps the person columns and the member buckets on SharedArrayBuffers, and only when asked', () => {
    const shared = run(true);
    for (const column of Object.values(shared.people.cols)) expect(column.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.members.start.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.members.rows.buffer).toBeInstanceOf(SharedArrayBuffer);
    const plain = new Society(small('hybrid'), 8);
    expect(plain.people.cols.food.buffer).toBeInstanceOf(ArrayBuffer);
    expect(plain.members.rows.buffer).toBeInstanceOf(ArrayBuffer);
  });
});
