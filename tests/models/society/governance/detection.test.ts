import { describe, expect, it } from 'vitest';
import { Society, societyParams } from '../../../../models/society/index.js';
import { monitoring } from '../../../../models/society/governance/detection.js';
import { resolveParams } from '../../../../sim/index.js';
import { small } from '../helpers.js';

const defaults = resolveParams(societyParams, {});

/** The share of shirking and skimming acts whose author was named, over a year, in one community of `size`. */
function realisedAttribution(size: number, detectionBySize: boolean): number {
  const society = new Society(small('default', {
    population: size, communities: 1, sharing: 1, civicNormMean: 0.1, assemblies: false, migration: false, splits: false, expulsionStrikes: 0, detectionBySize,
  }), 3);
  let acts = 0, attributed = 0;
  for (let step = 0; step < 12; step++) {
    society.step();
    acts += society.polity.counters.acts;
    attributed += society.polity.counters.attributed;
  }
  expect(acts).toBeGreaterThan(100);
  return attributed / acts;
}

describe('one detection function', () => {
  it('with the attribution channel on, π falls with group size past D; off, it does not', () => {
    const on = { ...defaults, detectionBySize: true };
    const off = { ...defaults, detectionBySize: false };
    expect(monitoring(on, 100, 60).detection).toBeCloseTo(defaults.detectionBase);
    expect(monitoring(on, 600, 360).detection).toBeCloseTo(defaults.detectionBase * defaults.trackableGroup / 600);
    expect(monitoring(off, 600, 360).detection).toBe(monitoring(off, 100, 60).detection);
  });

  it('realised: acts in a large community are named far less often than in a small one, unless the channel is off', () => {
    const small100 = realisedAttribution(100, true);
    const large = realisedAttribution(1200, true);
    expect(small100).toBeGreaterThan(0.2);
    expect(large).toBeLessThan(small100 / 3);
    const largeOff = realisedAttribution(1200, false);
    expect(Math.abs(largeOff - realisedAttribution(100, false))).toBeLessThan(0.08);
  });

  it('hierarchical accountability uses the same function with auditors: ω of a specialist over a fixed span', () => {
    const hierarchy = { ...defaults, accountability: 'hierarchical' };
    const big = monitoring(hierarchy, 2000, 1200);
    const smallGroup = monitoring(hierarchy, 100, 60);
    expect(big.auditors).toBe(Math.ceil(1200 / defaults.auditorSpan));
    expect(big.detection).toBeCloseTo(defaults.auditorSkill);
    expect(smallGroup.detection).toBeCloseTo(big.detection, 1);
    expect(monitoring({ ...hierarchy, detectionBySize: false }, 2000, 1200).detection).toBe(defaults.auditorSkill);
  });
});

describe('accountability in a run', () => {
  it('auditors are appointed, and take bribes more often where norms are weak', () => {
    const run = (civicNormMean: number) => {
      const society = new Society(small('default', { accountability: 'hierarchical', sharing: 1, civicNormMean, assemblies: false, migration: false }), 4);
      let bribes = 0, sanctions = 0;
      for (let step = 0; step < 12; step++) {
        society.step();
        bribes += society.polity.counters.bribes;
        sanctions += society.polity.counters.sanctions;
      }
      let auditors = 0;
      for (let row = 0; row < society.people.length; row++) auditors += society.people.cols.auditor[row]!;
      return { bribes, sanctions, auditors };
    };
    const weak = run(0.05);
    const strong = run(0.9);
    expect(weak.auditors).toBeGreaterThan(0);
    expect(weak.bribes).toBeGreaterThan(strong.bribes);
  });

  it('peers punish only where their norm makes it worth the cost: no sanctions in an atomized community', () => {
    const sanctions = (civicNormMean: number) => {
      const society = new Society(small('default', { sharing: 1, civicNormMean, civicNormSpread: 0.02, assemblies: false, migration: false }), 4);
      let total = 0;
      for (let step = 0; step < 6; step++) {
        society.step();
        total += society.polity.counters.sanctions;
      }
      return total;
    };
    expect(sanctions(0.1)).toBe(0);
    expect(sanctions(0.6)).toBeGreaterThan(0);
  });
});
