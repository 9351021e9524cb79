import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink } from '../../viz/src/url-state.js';

describe('shareable links', () => {
  it('round-trip mode, scenario, seed and parameter changes', () => {
    const state = { mode: 'live' as const, scenario: 'scenarios/default.json', seed: 7, set: ['params.sharing=0.8', 'params.exchange=continuous'] };
    expect(decodeLink(encodeLink(state))).toEqual({ ...state, scenarioB: undefined, run: undefined, lesson: undefined });
  });

  it('round-trip a comparison and a replayed run', () => {
    expect(decodeLink(encodeLink({ mode: 'compare', scenario: 'a.json', scenarioB: 'b.json', set: [] })).scenarioB).toBe('b.json');
    expect(decodeLink(encodeLink({ mode: 'replay', run: 'run/', set: [] })).run).toBe('run/');
  });

  it('drops what is malformed instead of trusting it', () => {
    const state = decodeLink('#mode=admin&seed=-3&set=params.x%3D1&set=oops&set=a%3Db%3Dc');
    expect(state.mode).toBe('live');
    expect(state.seed).toBeUndefined();
    expect(state.set).toEqual(['params.x=1']);
  });

  it('opens replay when a run is named without a mode', () => {
    expect(decodeLink('#run=run%2F').mode).toBe('replay');
    expect(decodeLink('').mode).toBe('live');
  });
});
