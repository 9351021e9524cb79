import { GATHER_ROWS_EVERY, Society } from '../models/society/society.js';
import { scaledScenario, writeAwayAsARunDoes } from './society-child.js';
import { round, type BenchOptions, type BenchSuite, type Measurement } from './suite.js';

/**
 * What gathering each community's rows together buys (Society.gatherRowsIfDue): two societies
 * of the default scenario, built alike, one gathering its rows every GATHER_ROWS_EVERY months and
 * one never, stepped by turns in this one process — so a slow spell of the machine weighs on
 * both alike — through a warm-up long enough for births, deaths and moves to scatter the
 * never-gathered one's rows, then timed step by step. The two must write the same metrics
 * (gathering changes no result); the suite throws if they do not.
 */

const FULL = { population: 100_000, suffix: '100k', warmUp: 120, steps: 60 };
const QUICK = { population: 2_000, suffix: '2k', warmUp: 12, steps: 6 };

export const suite: BenchSuite = {
  name: 'gather',
  description: `rows gathered by community every ${GATHER_ROWS_EVERY} months vs never gathered, two societies stepped by turns (the never-gathered one is the baseline)`,
  run(options: BenchOptions): Measurement[] {
    const size = options.quick ? QUICK : FULL;
    const scenario = scaledScenario(size.population);
    const build = (gatherRowsEvery: number) => {
      const society = new Society(scenario.params, scenario.seed, { gatherRowsEvery });
      writeAwayAsARunDoes(society);
      return society;
    };
    const gathered = build(GATHER_ROWS_EVERY);
    const scattered = build(0);
    for (let s = 0; s < size.warmUp; s++) {
      gathered.step();
      scattered.step();
    }
    let gatheredMs = 0;
    let scatteredMs = 0;
    for (let s = 0; s < size.steps; s++) {
      let start = performance.now();
      scattered.step();
      scatteredMs += performance.now() - start;
      start = performance.now();
      gathered.step();
      gatheredMs += performance.now() - start;
    }
    if (gathered.collector.csvRows(0) !== scattered.collector.csvRows(0)) throw new Error('bench/gather: the gathered and the scattered society wrote different metrics');
    options.log(`  gather: N=${size.population}, months ${size.warmUp + 1}–${size.warmUp + size.steps}: ${(scatteredMs / size.steps).toFixed(1)} ms a step scattered, ${(gatheredMs / size.steps).toFixed(1)} gathered`);
    const key = (name: string) => `society_${name}_${size.suffix}`;
    return [
      { key: key('step_ms_gathered'), label: `society, one step, rows gathered, N=${size.suffix}`, value: round(gatheredMs / size.steps, 1), unit: 'ms', baseline: key('step_ms_scattered'), ratio: key('gathering_speedup') },
      { key: key('step_ms_scattered'), label: `society, one step, rows never gathered, N=${size.suffix}`, value: round(scatteredMs / size.steps, 1), unit: 'ms' },
      { key: key('gathering_speedup'), label: `scattered ÷ gathered, N=${size.suffix}`, value: round(scatteredMs / gatheredMs), unit: '×' },
    ];
  },
};
