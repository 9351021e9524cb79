import { describe, expect, it } from 'vitest';
import { metricsToCSV } from '../../viz/src/export.js';
import { parseEvents, parseMetricsCSV, readRunFolder } from '../../viz/src/run-folder.js';

describe('metrics.csv parsing', () => {
  it('reads columns by name, with empty cells as NaN and Inf/-Inf as infinities', () => {
    const table = parseMetricsCSV('step,gini_wealth,max_wealth_ratio\n0,0,\n1,0.25,Inf\n2,0.5,-Inf\n');
    expect(table.names).toEqual(['step', 'gini_wealth', 'max_wealth_ratio']);
    expect(table.rows).toBe(3);
    expect(Array.from(table.columns.gini_wealth!)).toEqual([0, 0.25, 0.5]);
    expect(Number.isNaN(table.columns.max_wealth_ratio![0])).toBe(true);
    expect(table.columns.max_wealth_ratio![1]).toBe(Infinity);
    expect(table.columns.max_wealth_ratio![2]).toBe(-Infinity);
  });

  it('accepts Windows line ends and a missing final newline', () => {
    expect(parseMetricsCSV('step,a\r\n0,1\r\n1,2').columns.a).toEqual(new Float64Array([1, 2]));
  });

  it('names the line of a row with the wrong number of values', () => {
    expect(() => parseMetricsCSV('step,a,b\n0,1,2\n1,2\n', 'run/metrics.csv')).toThrow('run/metrics.csv: line 3 has 2 values, expected 3');
  });

  it('names the line and column of a value that is not a number', () => {
    expect(() => parseMetricsCSV('step,a\n0,abc\n')).toThrow('line 2, a: expected a number, found "abc"');
  });

  it('round-trips through the CSV export the page offers', () => {
    const text = 'step,gini_wealth,population\n0,0.1234567891,10000\n1,0.5,9998\n';
    expect(metricsToCSV(parseMetricsCSV(text))).toBe(text);
  });
});

describe('events.ndjson parsing', () => {
  it('reads one event per line and skips blank lines', () => {
    const events = parseEvents('{"step":3,"type":"split","community":4}\n\n{"step":9,"type":"secession","community":7}\n');
    expect(events.map((e) => [e.step, e.type])).toEqual([[3, 'split'], [9, 'secession']]);
    expect(events[0]!.community).toBe(4);
  });

  it('names the line of bad JSON and of an object without step and type', () => {
    expect(() => parseEvents('{"step":1,"type":"a"}\n{oops\n')).toThrow('line 2: expected a JSON object');
    expect(() => parseEvents('{"type":"a"}\n')).toThrow('line 1: expected an object with step and type');
  });
});

describe('reading a run folder', () => {
  const files: Record<string, string> = {
    'manifest.json': '{"scenario":{"model":"boltzmann","seed":3}}',
    'metrics.csv': 'step,gini_wealth\n0,0\n1,0.2\n',
    'events.ndjson': '{"step":1,"type":"split"}\n',
  };

  it('reads manifest, metrics and events through any reader', async () => {
    const run = await readRunFolder(async (name) => files[name]);
    expect((run.manifest.scenario as { seed: number }).seed).toBe(3);
    expect(run.metrics.rows).toBe(2);
    expect(run.events).toHaveLength(1);
  });

  it('needs metrics.csv but not the manifest or events', async () => {
    await expect(readRunFolder(async () => undefined)).rejects.toThrow('metrics.csv is missing');
    const run = await readRunFolder(async (name) => (name === 'metrics.csv' ? files[name] : undefined));
    expect(run.events).toEqual([]);
    expect(run.manifest).toEqual({});
  });

  it('says when the manifest is not JSON', async () => {
    await expect(readRunFolder(async (name) => (name === 'manifest.json' ? '{' : files[name]))).rejects.toThrow('manifest.json is not valid JSON');
  });
});
