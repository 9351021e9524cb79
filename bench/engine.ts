import { Model, Streams, gini, mean, type Simulation } from '../sim/index.js';
import { boltzmannModel } from '../models/classic/boltzmann.js';
import { bestSeconds, type BenchOptions, type BenchSuite, type Measurement } from './suite.js';

/**
 * The engine's Boltzmann wealth model (unit exchange, built through its ModelDefinition and
 * stepped through Model.step) against the same model as a plain loop over typed arrays. The
 * plain loop draws from the same Rng class and the same stream, so both make identical draws
 * and reach identical wealth: the difference is the engine's overhead alone.
 */

const SIZES = [
  { n: 1_000, suffix: '1k' },
  { n: 10_000, suffix: '10k' },
  { n: 100_000, suffix: '100k' },
];
/** Agent-steps per timed run: enough for tens of milliseconds at every size. */
const AGENT_STEPS = 4_000_000;
const SEED = 1;

/** The engine path, built: a fresh model from the definition, with collection off unless asked for. */
function buildEngine(n: number, collect: boolean): Simulation {
  const sim = boltzmannModel.create({ agents: n, initialWealth: 1 }, SEED);
  if (!collect && sim instanceof Model) sim.collect({ model: {} }, { initial: false });
  return sim;
}

/** The engine path, run: `steps` calls of Simulation.step (every phase, then collection). */
function stepEngine(sim: Simulation, steps: number): Simulation {
  for (let s = 0; s < steps; s++) sim.step();
  return sim;
}

/** The plain path, built: the wealth array, the order array and the model's stream. */
function buildPlain(n: number) {
  return {
    wealth: new Float64Array(n).fill(1),
    order: Int32Array.from({ length: n }, (_, i) => i),
    rng: new Streams(SEED).derive('model'),
  };
}

/** The plain path, run: the same rule on a Float64Array with the same draws; metrics each step if asked. */
function stepPlain({ wealth, order, rng }: ReturnType<typeof buildPlain>, steps: number, collect: boolean): Float64Array {
  const n = wealth.length;
  let sink = 0;
  for (let s = 0; s < steps; s++) {
    rng.shuffle(order);
    for (let k = 0; k < n; k++) {
      const giver = order[k]!;
      if (wealth[giver]! < 1) continue;
      const draw = rng.int(n - 1);
      const receiver = draw >= giver ? draw + 1 : draw;
      wealth[giver]! -= 1;
      wealth[receiver]! += 1;
    }
    if (collect) sink += plainMetrics(wealth);
  }
  if (Number.isNaN(sink)) throw new Error('bench/engine: the metrics came out NaN');
  return wealth;
}

/** The model's four metrics, computed by hand (summed only so that nothing is optimised away). */
function plainMetrics(wealth: Float64Array): number {
  let total = 0;
  let max = -Infinity;
  for (let i = 0; i < wealth.length; i++) {
    total += wealth[i]!;
    if (wealth[i]! > max) max = wealth[i]!;
  }
  return gini(wealth) + total + max + mean(wealth);
}

function wealthOf(sim: Simulation): Float64Array {
  const people = (sim as unknown as { people: { cols: { wealth: Float64Array }; length: number } }).people;
  return people.cols.wealth.subarray(0, people.length);
}

/** Checks that both paths computed the same thing, so the timings compare like with like. */
function assertSameResults(n: number, steps: number): void {
  const engine = wealthOf(stepEngine(buildEngine(n, false), steps));
  const plain = stepPlain(buildPlain(n), steps, false);
  for (let i = 0; i < n; i++) {
    if (engine[i] !== plain[i]) throw new Error(`bench/engine: the engine and the plain loop differ at person ${i}`);
  }
}

function measureSize(n: number, suffix: string, options: BenchOptions): Measurement[] {
  const steps = Math.max(5, Math.round((options.quick ? AGENT_STEPS / 20 : AGENT_STEPS) / n));
  const repeats = options.quick ? 1 : 5;
  assertSameResults(n, Math.min(steps, 10));
  // Warm both paths before timing, so the JIT has compiled each hot loop.
  stepEngine(buildEngine(n, false), steps);
  stepPlain(buildPlain(n), steps, false);
  const engineSeconds = bestSeconds(repeats, () => buildEngine(n, false), (sim) => stepEngine(sim, steps));
  const plainSeconds = bestSeconds(repeats, () => buildPlain(n), (state) => stepPlain(state, steps, false));
  const rate = (seconds: number) => Math.round((n * steps) / seconds);
  options.log(`engine: N=${n}, ${steps} steps: engine ${engineSeconds.toFixed(3)} s, plain loop ${plainSeconds.toFixed(3)} s`);
  return [
    {
      key: `boltzmann_agent_steps_per_s_${suffix}`,
      label: `Boltzmann, engine, N=${suffix}`,
      value: rate(engineSeconds),
      unit: 'agent-steps/s',
      baseline: `boltzmann_typed_array_steps_per_s_${suffix}`,
      ratio: `boltzmann_ratio_vs_typed_array_${suffix}`,
    },
    { key: `boltzmann_typed_array_steps_per_s_${suffix}`, label: `Boltzmann, plain typed-array loop, N=${suffix}`, value: rate(plainSeconds), unit: 'agent-steps/s' },
    { key: `boltzmann_ratio_vs_typed_array_${suffix}`, label: `plain loop time ÷ engine time, N=${suffix} (1 = no overhead)`, value: round3(plainSeconds / engineSeconds), unit: '×', ...(n === 100_000 ? { target: '≥ 0.5' } : {}) },
  ];
}

/** With the four metrics collected every step on both sides (the Gini's sort then dominates). */
function measureWithMetrics(options: BenchOptions): Measurement[] {
  const n = 100_000;
  const steps = options.quick ? 2 : 10;
  const repeats = options.quick ? 1 : 3;
  stepEngine(buildEngine(n, true), steps);
  const engineSeconds = bestSeconds(repeats, () => buildEngine(n, true), (sim) => stepEngine(sim, steps));
  const plainSeconds = bestSeconds(repeats, () => buildPlain(n), (state) => stepPlain(state, steps, true));
  const rate = (seconds: number) => Math.round((n * steps) / seconds);
  return [
    {
      key: 'boltzmann_with_metrics_agent_steps_per_s_100k',
      label: 'Boltzmann with metrics every step, engine, N=100k',
      value: rate(engineSeconds),
      unit: 'agent-steps/s',
      baseline: 'boltzmann_with_metrics_typed_array_steps_per_s_100k',
    },
    { key: 'boltzmann_with_metrics_typed_array_steps_per_s_100k', label: 'Boltzmann with metrics every step, plain loop, N=100k', value: rate(plainSeconds), unit: 'agent-steps/s' },
  ];
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The engine suite: Boltzmann agent-steps per second at 1k, 10k and 100k persons, engine against a plain loop. */
export const suite: BenchSuite = {
  name: 'engine',
  description: "Boltzmann wealth model through the engine's API against a plain typed-array loop (same RNG, same draws)",
  run(options) {
    const measurements = SIZES.flatMap(({ n, suffix }) => measureSize(n, suffix, options));
    const at100k = measurements.find((m) => m.key === 'boltzmann_ratio_vs_typed_array_100k')!;
    measurements.push({ ...at100k, key: 'boltzmann_ratio_vs_typed_array', label: 'plain loop time ÷ engine time at N=100k (the headline figure)' });
    return [...measurements, ...measureWithMetrics(options)];
  },
};
