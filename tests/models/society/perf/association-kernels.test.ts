import { describe, expect, it } from 'vitest';
import { Rng, type KernelArray, type KernelScope } from '../../../../sim/index.js';
import { resolveCrisis } from '../../../../models/society/crises/crises.js';
import { CRISES_IN, CRISES_OUT, crisesDraw, crisisAssumptions } from '../../../../models/society/kernels/crises.js';
import { RESEARCH_IN, RESEARCH_OUT, SECTORS_DRAWN, researchDraw } from '../../../../models/society/kernels/research.js';
import { SPLIT_IN, SPLIT_OUT, splitsFaction } from '../../../../models/society/kernels/splits.js';
import { drawInnovations, newInnovation, researchEffort, researchReturn } from '../../../../models/society/knowledge/innovation.js';
import type { SocietyParams } from '../../../../models/society/params.js';

/** A scope over the given arrays whose streams are seeded per community, as a run seeds them. */
function scopeOf(arrays: Record<string, KernelArray>, params: Record<string, unknown>, seed: string): KernelScope {
  const streams = new Map<string, Rng>();
  return {
    arrays,
    params,
    version: 0,
    rng(c, stream) {
      const key = `${c}/${stream}`;
      if (!streams.has(key)) streams.set(key, new Rng(`${seed}/${key}`));
      return streams.get(key)!;
    },
  };
}

/** Members 0 … n−1 split into communities of random sizes, rows shuffled so buckets are not in row order. */
function randomMembers(rng: Rng, communities: number): { start: Int32Array; rows: Int32Array; persons: number } {
  const start = new Int32Array(communities + 1);
  for (let c = 0; c < communities; c++) start[c + 1] = start[c]! + rng.int(80);
  const persons = start[communities]!;
  const rows = rng.shuffle(Int32Array.from({ length: persons }, (_, i) => i));
  return { start, rows, persons };
}

describe('association kernels', () => {
  it('draw the same crises, in the same order, as resolving them one by one', () => {
    const rng = new Rng('crises-kernel');
    for (let trial = 0; trial < 20; trial++) {
      const params = { crisisRate: 0.01 + rng.next() * 0.1, crisisResponse: trial % 2 === 0 ? 'armed' : 'unarmed', mentalHealthShare: rng.next() * 0.6, disasterShare: rng.next() * 0.4, armedIncidentShare: rng.next(), unarmedFit: rng.next(), armedFit: rng.next(), unarmedEscalation: rng.next(), armedEscalation: rng.next(), unresolvedViolence: rng.next() };
      const count = 12;
      const input = new Float64Array(count * CRISES_IN.stride);
      for (let c = 0; c < count; c++) {
        input[c * CRISES_IN.stride + CRISES_IN.population] = c % 5 === 0 ? 0 : rng.int(2000);
        input[c * CRISES_IN.stride + CRISES_IN.quality] = rng.next();
      }
      const out = new Float64Array(count * CRISES_OUT.stride);
      const scope = scopeOf({ 'crises.in': input, 'crises.out': out }, params, `t${trial}`);
      for (let c = 0; c < count; c++) crisesDraw.run(scope, c);
      const a = crisisAssumptions(params as unknown as SocietyParams);
      let crises = 0;
      for (let c = 0; c < count; c++) {
        const population = input[c * CRISES_IN.stride]!;
        const stream = new Rng(`t${trial}/${c}/crises`);
        const n = population > 0 ? stream.poisson(params.crisisRate * population) : 0;
        let violent = 0, armed = 0;
        for (let i = 0; i < n; i++) {
          const crisis = resolveCrisis(params.crisisResponse as 'armed' | 'unarmed', a, input[c * CRISES_IN.stride + 1]!, stream);
          if (crisis.violent) violent++;
          if (crisis.armed) armed++;
        }
        expect([...out.subarray(c * CRISES_OUT.stride, (c + 1) * CRISES_OUT.stride)]).toEqual([n, violent, armed]);
        crises += n;
      }
      expect(crises).toBeGreaterThan(0);
    }
  });

  it('draw the research share, the innovations and their sectors as the phase drew them, the stream left where it was', () => {
    const rng = new Rng('research-kernel');
    let beyond = 0;
    for (let trial = 0; trial < 12; trial++) {
      const params = { knowledge: trial % 2 === 0 ? 'patents' : 'commons', innovationGain: 0.02, ownUseMonths: 24, patentTerm: 120, licenceRate: 0.05, licenceFee: 3, reputationValue: 2, reciprocityValue: 0.5, researchShare: 0.05, researchElasticity: 0.5, researchRate: trial % 3 === 0 ? 40 : 0.5 };
      const count = 10;
      const input = new Float64Array(count * RESEARCH_IN.stride);
      for (let c = 0; c < count; c++) input.set([c % 4 === 0 ? 0 : rng.int(500), rng.next() * 200, rng.next() * 800, rng.int(6), 1 + rng.next()], c * RESEARCH_IN.stride);
      const out = new Float64Array(count * RESEARCH_OUT.stride);
      const scope = scopeOf({ 'research.in': input, 'research.out': out }, params, `r${trial}`);
      for (let c = 0; c < count; c++) researchDraw.run(scope, c);
      for (let c = 0; c < count; c++) {
        const [population, ownOutput, linkedOutput, links, boost] = input.subarray(c * RESEARCH_IN.stride, (c + 1) * RESEARCH_IN.stride);
        const o = c * RESEARCH_OUT.stride;
        if (population === 0) {
          expect([...out.subarray(o, o + RESEARCH_OUT.stride)]).toEqual([0, 0, 0]);
          continue;
        }
        const stream = new Rng(`r${trial}/${c}/research`);
        const expected = researchReturn({ holding: params.knowledge as 'patents' | 'commons', gain: params.innovationGain, ownOutput: ownOutput!, linkedOutput: linkedOutput!, links: links!, ownUseMonths: params.ownUseMonths, patentTerm: params.patentTerm, licenceRate: params.licenceRate, licenceFee: params.licenceFee, reputationValue: params.reputationValue, reciprocityValue: params.reciprocityValue });
        const share = researchEffort(expected, params.innovationGain * ownOutput! * params.ownUseMonths, params.researchShare, params.researchElasticity);
        const n = drawInnovations(population! * share, params.researchRate, boost!, stream);
        const sectors = Array.from({ length: n }, (_, id) => newInnovation(id, c, 0.02, 0, 'commons', 0, stream).sector);
        expect([out[o + RESEARCH_OUT.share], out[o + RESEARCH_OUT.count]]).toEqual([share, n]);
        let packed = out[o + RESEARCH_OUT.sectors]!;
        for (let k = 0; k < Math.min(n, SECTORS_DRAWN); k++) {
          expect(packed % 2).toBe(sectors[k]);
          packed = (packed - (packed % 2)) / 2;
        }
        // Past the kernel's sectors, the phase draws the rest from the stream where the kernel left it.
        const kernelStream = scope.rng(c, 'research');
        for (let k = SECTORS_DRAWN; k < n; k++, beyond++) expect(kernelStream.int(2)).toBe(sectors[k]);
      }
    }
    expect(beyond).toBeGreaterThan(0);
  });

  it('cluster each assembling community and poll its faction exactly as the phase did, community by community', () => {
    const rng = new Rng('splits-kernel');
    const params = { adultAge: 18, minFaction: 3, policyStep: 0.05, sanction: 0.4, idealPointWeight: 1.5, foundingCost: 0.05, detectionBySize: true, detectionBase: 0.5, trackableGroup: 40, civicDuty: 0.3, participationCost: 0.1 };
    let polled = 0;
    for (let trial = 0; trial < 10; trial++) {
      const count = 8;
      const { start, rows, persons } = randomMembers(rng, count);
      const people = {
        age: Float32Array.from({ length: persons }, () => rng.int(70)),
        idealSharing: Float32Array.from({ length: persons }, () => (rng.next() < 0.5 ? 0.1 : 0.8) + 0.1 * rng.next()),
        civicNorm: Float32Array.from({ length: persons }, () => rng.next()),
      };
      const input = new Float64Array(count * SPLIT_IN.stride);
      for (let c = 0; c < count; c++) input.set([c % 4 === 3 ? 0 : 1, rng.next(), rng.next(), start[c + 1]! - start[c]!], c * SPLIT_IN.stride);
      const side = new Uint8Array(persons);
      const out = new Float64Array(count * SPLIT_OUT.stride);
      const arrays = { 'members.start': start, 'members.rows': rows, 'people.age': people.age, 'people.idealSharing': people.idealSharing, 'people.civicNorm': people.civicNorm, 'splits.side': side, 'splits.in': input, 'splits.out': out };
      const scope = scopeOf(arrays, params, 'splits');
      for (let c = 0; c < count; c++) splitsFaction.run(scope, c);
      for (let c = 0; c < count; c++) {
        if (input[c * SPLIT_IN.stride] === 0) continue;
        const members = Array.from(rows.subarray(start[c]!, start[c + 1]!));
        const expected = referenceSplit(params, people, members, input[c * SPLIT_IN.stride + 1]!, input[c * SPLIT_IN.stride + 2]!);
        const o = c * SPLIT_OUT.stride;
        expect([out[o + SPLIT_OUT.faction], out[o + SPLIT_OUT.size], out[o + SPLIT_OUT.ideal]]).toEqual([expected.faction, expected.size, expected.ideal]);
        for (const row of members) if (people.age[row]! >= params.adultAge) expect(side[row]).toBe(expected.side.get(row));
        if (expected.size < params.minFaction) continue;
        polled++;
        expect([out[o + SPLIT_OUT.sharing], out[o + SPLIT_OUT.yes], out[o + SPLIT_OUT.no], out[o + SPLIT_OUT.eligible]]).toEqual([expected.sharing, expected.yes, expected.no, expected.eligible]);
      }
    }
    expect(polled).toBeGreaterThan(10);
  });
});

type People = { age: Float32Array; idealSharing: Float32Array; civicNorm: Float32Array };

/** Two-means and the faction's poll as phases/splits.ts wrote them before the kernel: objects and maps, member order. */
function referenceSplit(p: Record<string, number | boolean>, people: People, members: number[], policySharing: number, enforcement: number) {
  const adults = members.filter((row) => people.age[row]! >= (p.adultAge as number));
  const side = new Map<number, number>();
  let centres = [[policySharing - 0.25, 0.5], [policySharing + 0.25, 0.5]];
  let groups: number[][] = [[], []];
  for (let round = 0; round < 4; round++) {
    groups = [[], []];
    for (const row of adults) {
      const [a, b] = [people.idealSharing[row]!, people.civicNorm[row]!];
      const near = (a - centres[0]![0]!) ** 2 + (b - centres[0]![1]!) ** 2 <= (a - centres[1]![0]!) ** 2 + (b - centres[1]![1]!) ** 2 ? 0 : 1;
      side.set(row, near);
      groups[near]!.push(row);
    }
    const next = groups.map((group, g) => {
      if (group.length === 0) return centres[g]!;
      let a = 0, b = 0;
      for (const row of group) [a, b] = [a + people.idealSharing[row]!, b + people.civicNorm[row]!];
      return [a / group.length, b / group.length];
    });
    const moved = next.some((centre, g) => centre[0] !== centres[g]![0] || centre[1] !== centres[g]![1]);
    centres = next;
    if (!moved) break;
  }
  const faction = groups[0]!.length < groups[1]!.length ? 0 : 1;
  const size = groups[faction]!.length;
  const ideal = centres[faction]![0]!;
  const sharing = Math.round(Math.round(Math.min(1, Math.max(0, ideal)) / (p.policyStep as number)) * (p.policyStep as number) * 1e6) / 1e6;
  const detection = (n: number) => (p.detectionBase as number) * Math.min(1, (p.trackableGroup as number) / Math.max(1, n));
  const watched = (detection(size) - detection(members.length)) * enforcement * (p.sanction as number);
  let yes = 0, no = 0, eligible = 0;
  for (const row of groups[faction]!) {
    eligible++;
    const taste = (p.idealPointWeight as number) * (Math.abs(policySharing - people.idealSharing[row]!) - Math.abs(sharing - people.idealSharing[row]!));
    const stake = taste + watched - (p.foundingCost as number);
    if (stake === 0 || Math.abs(stake) + people.civicNorm[row]! * (p.civicDuty as number) <= (p.participationCost as number)) continue;
    if (stake > 0) yes++;
    else no++;
  }
  return { faction, size, ideal, side, sharing, yes, no, eligible };
}
