import { Society } from '../models/society/index.js';
import type { BenchOptions, BenchSuite, Measurement } from './suite.js';

/**
 * The society model's default scenario at 10k and 100k persons (communities scale with
 * persons, ~100 per community; the land grows with them): person-steps per second over a
 * few dozen steps after a short warm-up, and the time per phase (Model.profile).
 */

/** Phases compared as groups: the economy (MODEL.md 1–4, 13) and self-government with free association (6–10). */
const PHASE_GROUPS: Record<string, string[]> = {
  economy: ['demography', 'produce', 'distribute', 'central-budget', 'exchange', 'trade', 'random-exchange', 'consume', 'regrow'],
  self_government: ['accountability', 'culture', 'assembly', 'migration', 'splits', 'federations', 'ideas'],
};

const SIZES = [
  { population: 10_000, suffix: '10k' },
  { population: 100_000, suffix: '100k' },
];

function measure(population: number, suffix: string, options: BenchOptions): Measurement[] {
  const warmUp = options.quick ? 2 : 10;
  const steps = options.quick ? 5 : 30;
  const society = new Society({ population, communities: Math.round(population / 100) }, 1);
  society.run({ steps: warmUp });
  society.profile(() => performance.now());
  society.phaseTimes.clear();
  let personSteps = 0;
  const start = performance.now();
  for (let s = 0; s < steps; s++) {
    personSteps += society.people.length;
    society.step();
  }
  const seconds = (performance.now() - start) / 1000;
  options.log(`  society ${suffix}: ${steps} steps in ${seconds.toFixed(2)} s`);
  const out: Measurement[] = [
    { key: `society_person_steps_per_s_${suffix}`, label: `society, default scenario, N=${suffix}`, value: Math.round(personSteps / seconds), unit: 'person-steps/s' },
    { key: `society_bytes_per_person_${suffix}`, label: `society, person table bytes per person, N=${suffix}`, value: Math.round(society.people.bytes / society.people.length), unit: 'bytes' },
  ];
  for (const [phase, ms] of society.phaseTimes) {
    const key = phase.replace(/-/g, '_');
    out.push({ key: `society_phase_ms_${key}_${suffix}`, label: `  phase ${phase}, per step, N=${suffix}`, value: Number((ms / steps).toFixed(3)), unit: 'ms' });
  }
  for (const [group, phases] of Object.entries(PHASE_GROUPS)) {
    let ms = 0;
    for (const phase of phases) ms += society.phaseTimes.get(phase) ?? 0;
    out.push({ key: `society_phases_ms_${group}_${suffix}`, label: `  ${group.replace(/_/g, ' ')} phases together, per step, N=${suffix}`, value: Number((ms / steps).toFixed(3)), unit: 'ms' });
  }
  return out;
}

/** The society suite: person-steps per second and time per phase at 10k and 100k persons. */
export const suite: BenchSuite = {
  name: 'society',
  description: 'Society model, default scenario: person-steps per second and milliseconds per phase at 10k and 100k persons',
  run(options) {
    const sizes = options.quick ? SIZES.slice(0, 1) : SIZES;
    return sizes.flatMap(({ population, suffix }) => measure(population, suffix, options));
  },
};
