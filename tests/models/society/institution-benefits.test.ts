import { describe, expect, it } from 'vitest';
import { Society } from '../../../models/society/index.js';
import { workerDetection } from '../../../models/society/economy/effort.js';
import { societyParams, type SocietyParams } from '../../../models/society/params.js';
import { resolveParams } from '../../../sim/index.js';
import { small } from './helpers.js';

const defaults: SocietyParams = resolveParams(societyParams);

function run(extra: Record<string, unknown>, steps: number): Society {
  const society = new Society(small('mutualism', { population: 800, communities: 8, ...extra }), 12);
  society.run({ steps });
  return society;
}

const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;

describe('the efficiency side of wage labour and interest', () => {
  it('under wage labour a proprietor also watches wage workers; owners and worker-owners are watched as before', () => {
    const wage = { ...defaults, labour: 'wage', ownerSupervision: 0.2 } as SocietyParams;
    expect(workerDetection(wage, 0.5, false)).toBeCloseTo(1 - 0.5 * 0.8, 12);
    expect(workerDetection(wage, 0.5, true)).toBe(0.5);
    expect(workerDetection({ ...wage, labour: 'workerOwned' } as SocietyParams, 0.5, false)).toBe(0.5);
    expect(workerDetection({ ...wage, ownerSupervision: 0 } as SocietyParams, 0.5, false)).toBe(0.5);
  });

  it('owner supervision raises wage workers’ effort and cuts free-riding (same people, same land)', () => {
    const unwatched = run({ labour: 'wage', ownerSupervision: 0 }, 12);
    const watched = run({ labour: 'wage', ownerSupervision: 0.8 }, 12);
    const late = (s: Society, name: string) => mean(s.collector.column(name).slice(6));
    expect(late(watched, 'mean_effort')).toBeGreaterThan(late(unwatched, 'mean_effort'));
    expect(late(watched, 'free_riding_rate')).toBeLessThan(late(unwatched, 'free_riding_rate'));
  });

  it('outside investors bring collectives their capital faster than the credit union alone', () => {
    const union = run({ capital: 'creditUnion' }, 12);
    const investors = run({ capital: 'interest', investorPace: 0.5 }, 12);
    const slow = run({ capital: 'interest', investorPace: 0.02 }, 12);
    const capital = (s: Society) => s.collector.column('capital_stock').at(-1)!;
    expect(capital(investors)).toBeGreaterThan(capital(union));
    expect(capital(slow)).toBeLessThan(capital(union));
  });
});
