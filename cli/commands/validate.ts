import type { CAC } from 'cac';
import { formatNumber } from '../../sim/index.js';
import { getModel } from '../../models/index.js';
import { loadScenario, type ResolvedScenario } from '../../scenarios/load.js';
import { readOverrides, requireText, withScenarioOverrides } from '../options.js';

/** `polycentric validate <scenario>`: checks a scenario (and what it extends) without running it. */
export function register(cli: CAC): void {
  withScenarioOverrides(cli.command('validate <scenario>', 'Check a scenario file without running it'))
    .example('polycentric validate scenarios/boltzmann.json --set params.agents=50')
    .action((file: unknown, options: Record<string, unknown>) => {
      const scenario = loadScenario(requireText(file, '<scenario>'), readOverrides(options));
      console.log(`OK ${scenario.file}: ${describeScenario(scenario)}`);
    });
}

/** One line: model, name, seed, steps and the parameters that differ from their defaults. */
export function describeScenario(scenario: ResolvedScenario): string {
  const table = getModel(scenario.model).params;
  const changed = Object.entries(scenario.params)
    .filter(([name, value]) => table[name]?.default !== value)
    .map(([name, value]) => `${name}=${typeof value === 'number' ? formatNumber(value) : String(value)}`);
  const params = changed.length > 0 ? changed.join(' ') : 'all defaults';
  return `model ${scenario.model}, "${scenario.name}", seed ${scenario.seed}, ${scenario.steps} steps; params: ${params}`;
}
