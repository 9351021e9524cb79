import { describe, expect, it } from 'vitest';
import { Society } from '../../../../models/society/index.js';
import { small } from '../helpers.js';

const RESTLESS = { migrationRate: 0.05, movingCost: 0, expulsionStrikes: 1, sharing: 0.8, idealPointWeight: 1, foundingCost: 0, minFaction: 5, federationSolidarity: 0.2 };

function outputs(seed: number) {
  const society = new Society(small('default', RESTLESS), seed);
  society.run({ steps: 40 });
  return { csv: society.collector.toCSV(), events: society.events.toNDJSON(), society };
}

describe('the story of a run', () => {
  it('the same seed gives identical metrics and events with self-management and free association on', () => {
    const a = outputs(11);
    const b = outputs(11);
    expect(a.csv).toBe(b.csv);
    expect(a.events).toBe(b.events);
    expect(outputs(12).csv).not.toBe(a.csv);
  });

  it('events tell who changed which policy by what vote, who split, expelled, formed and joined', () => {
    const { society } = outputs(11);
    const change = society.events.ofType('policy_change')[0]!;
    for (const key of ['community', 'policy', 'from', 'to', 'yes', 'no', 'eligible', 'rule', 'source']) expect(change).toHaveProperty(key);
    expect(society.events.count('split') + society.events.count('expulsion')).toBeGreaterThan(0);
    expect(society.events.count('federation_formed')).toBeGreaterThan(0);
  });

  it('collects the self-management and free-association columns', () => {
    const { society } = outputs(11);
    const header = society.collector.csvHeader().trim().split(',');
    for (const column of ['free_riding_rate', 'detection_rate', 'civic_norm_mean', 'participation', 'migrations', 'splits', 'secessions', 'federations', 'communities', 'expulsions', 'policy_changes']) {
      expect(header).toContain(column);
    }
  });
});
