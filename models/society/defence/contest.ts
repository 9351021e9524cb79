/**
 * The one contest function for every battle: P(attacker wins) = Sa^m / (Sa^m + Sd^m).
 * With m ≈ 0.4 a 10:1 edge wins about 72% of the time. No attacker never wins; an attacker
 * against no defence always does.
 */
export function attackerWins(attack: number, defence: number, exponent: number): number {
  if (attack <= 0) return 0;
  if (defence <= 0) return 1;
  const a = Math.pow(attack, exponent);
  return a / (a + Math.pow(defence, exponent));
}
