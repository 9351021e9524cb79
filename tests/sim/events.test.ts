import { describe, expect, it } from 'vitest';
import { EventLog, type SimEvent } from '../../sim/index.js';

describe('EventLog', () => {
  it('writes one JSON object per line, step and type first', () => {
    const log = new EventLog();
    log.log(3, 'secession', { community: 7, members: 120 });
    log.log(4, 'birth');
    expect(log.toNDJSON()).toBe('{"step":3,"type":"secession","community":7,"members":120}\n{"step":4,"type":"birth"}\n');
    expect(log.ndjson(1)).toBe('{"step":4,"type":"birth"}\n');
    for (const line of log.toNDJSON().trim().split('\n')) expect(JSON.parse(line)).toHaveProperty('type');
  });

  it('counts and filters events by type', () => {
    const log = new EventLog();
    ['birth', 'death', 'birth'].forEach((type, step) => log.log(step, type));
    expect(log.count('birth')).toBe(2);
    expect(log.count('war')).toBe(0);
    expect(log.ofType('birth').map((event) => event.step)).toEqual([0, 2]);
  });

  it('tells listeners of each event as it is logged', () => {
    const log = new EventLog();
    const heard: SimEvent[] = [];
    log.onEvent((event) => heard.push(event));
    log.log(1, 'founding', { community: 2 });
    expect(heard).toEqual([{ step: 1, type: 'founding', community: 2 }]);
  });
});

describe('EventLog streaming', () => {
  it('writes the same NDJSON as a kept log, in chunks, keeps counting and holds nothing', () => {
    const kept = new EventLog();
    const streamed = new EventLog();
    const chunks: string[] = [];
    streamed.log(0, 'early', { n: -1 });
    kept.log(0, 'early', { n: -1 });
    streamed.streamTo((text) => chunks.push(text));
    for (let i = 0; i < 5000; i++) {
      kept.log(i, i % 3 === 0 ? 'split' : 'birth', { n: i, name: `p${i}` });
      streamed.log(i, i % 3 === 0 ? 'split' : 'birth', { n: i, name: `p${i}` });
    }
    streamed.flush();
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.join('')).toBe(kept.toNDJSON());
    expect(streamed.events).toHaveLength(0);
    expect(streamed.count('split')).toBe(kept.count('split'));
    expect(streamed.streaming).toBe(true);
  });

  it('streams each line as JSON.stringify writes the whole event, whatever the details hold', () => {
    const details: Record<string, unknown>[] = [
      {}, { community: 3, amount: 1.25 }, { x: -0, y: NaN, z: Infinity, w: 1e-7, big: 1e21 }, { none: undefined, flag: true, list: [1, 2.5, -3], nested: { a: 1 } },
      { text: 'quote " and \\ and \u2028 and é' }, { step: 99 }, { type: 'other', n: 1 }, { 7: 'index', name: 'n' }, { '01': 1, b: 2 }, { '-1': 'minus' },
    ];
    const kept = new EventLog();
    const streamed = new EventLog();
    const chunks: string[] = [];
    streamed.streamTo((text) => chunks.push(text));
    details.forEach((d, i) => {
      kept.log(i, i % 2 ? 'odd "type"' : 'even', { ...d });
      streamed.log(i, i % 2 ? 'odd "type"' : 'even', { ...d });
    });
    streamed.flush();
    const lines = chunks.join('').split('\n').slice(0, -1);
    expect(lines).toEqual(kept.toNDJSON().split('\n').slice(0, -1));
    details.forEach((d, i) => expect(lines[i]).toBe(JSON.stringify({ step: i, type: i % 2 ? 'odd "type"' : 'even', ...d })));
  });
});
