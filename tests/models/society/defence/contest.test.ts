import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../sim/index.js';
import { fight } from '../../../../models/society/defence/aggressor.js';
import { attackerWins } from '../../../../models/society/defence/contest.js';
import { alliedStrength, militiaStrength } from '../../../../models/society/defence/strength.js';

/** Share of n battles the attacker wins, fought with the contest function and one stream. */
function winRate(attack: number, defence: number, n: number, seed: string): number {
  const rng = new Rng(seed);
  let wins = 0;
  for (let i = 0; i < n; i++) if (fight(attack, defence, 0.4, 0.1, rng).attackerWon) wins++;
  return wins / n;
}

describe('battles follow the contest function', () => {
  it('P(attacker wins) = Sa^m / (Sa^m + Sd^m)', () => {
    expect(attackerWins(30, 7, 0.4)).toBeCloseTo(30 ** 0.4 / (30 ** 0.4 + 7 ** 0.4), 12);
    expect(attackerWins(5, 5, 0.4)).toBeCloseTo(0.5, 12);
  });

  it('an overwhelming attacker against no militia always wins', () => {
    expect(attackerWins(1000, 0, 0.4)).toBe(1);
    expect(winRate(1000, 0, 500, 'none')).toBe(1);
  });

  it('a 10:1 edge wins about 70% of the time', () => {
    expect(attackerWins(100, 10, 0.4)).toBeCloseTo(0.715, 3);
    expect(winRate(100, 10, 20_000, 'ten-to-one')).toBeCloseTo(0.715, 1.7);
  });

  it('a strong allied militia usually repels', () => {
    const own = militiaStrength({ adults: 600, serving: 0.5, training: 0.02, technology: 1.5, elevation: 0.6, terrainEffect: 1 });
    const allies = alliedStrength(
      [{ strength: 40, distance: 5 }, { strength: 30, distance: 10 }, { strength: 25, distance: 8 }, { strength: 500, distance: 200 }],
      12, 0.5,
    );
    expect(allies).toBeCloseTo(47.5, 12);
    const defence = own + allies;
    expect(winRate(20, defence, 5000, 'allied')).toBeLessThan(0.5);
    expect(winRate(20, own, 5000, 'alone')).toBeGreaterThan(winRate(20, defence, 5000, 'allied'));
  });

  it('no attacker never wins', () => {
    expect(attackerWins(0, 0, 0.4)).toBe(0);
  });
});
