import type { NumberParam } from '../../sim/params.js';

/** Positions on every slider run 0…SLIDER_STEPS; the scale maps them to parameter values. */
export const SLIDER_STEPS = 1000;

/** Maps slider positions to a number parameter's values and back. */
export interface SliderScale {
  toValue(position: number): number;
  toPosition(value: number): number;
}

/**
 * A linear scale, or a logarithmic one for positive ranges spanning three orders of magnitude
 * or more (so 2 … 10,000,000 persons is usable on one slider). Integer parameters round.
 */
export function sliderScale(spec: NumberParam): SliderScale {
  const round = (value: number) => (spec.integer ? Math.round(value) : Number(value.toPrecision(3)));
  const clamp = (value: number) => Math.min(spec.max, Math.max(spec.min, value));
  if (spec.min > 0 && spec.max / spec.min >= 1000) {
    const ratio = Math.log(spec.max / spec.min);
    return {
      toValue: (position) => clamp(round(spec.min * Math.exp((position / SLIDER_STEPS) * ratio))),
      toPosition: (value) => Math.round((Math.log(clamp(value) / spec.min) / ratio) * SLIDER_STEPS),
    };
  }
  const span = spec.max - spec.min || 1;
  return {
    toValue: (position) => clamp(round(spec.min + (position / SLIDER_STEPS) * span)),
    toPosition: (value) => Math.round(((clamp(value) - spec.min) / span) * SLIDER_STEPS),
  };
}
