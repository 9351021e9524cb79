import { describe, expect, it } from 'vitest';
import type { NumberParam } from '../../sim/params.js';
import { SLIDER_STEPS, sliderScale } from '../../viz/src/slider-scale.js';

const param = (min: number, max: number, integer = false): NumberParam => ({ kind: 'number', default: min, min, max, unit: 'u', meaning: 'm', integer });

describe('slider scales', () => {
  it('map the ends of the slider to the ends of the range', () => {
    for (const spec of [param(0, 1), param(2, 10_000_000, true)]) {
      const scale = sliderScale(spec);
      expect(scale.toValue(0)).toBe(spec.min);
      expect(scale.toValue(SLIDER_STEPS)).toBe(spec.max);
    }
  });

  it('are logarithmic for wide positive ranges, so the middle is the geometric middle', () => {
    expect(sliderScale(param(10, 1_000_000, true)).toValue(SLIDER_STEPS / 2)).toBe(3162);
    expect(sliderScale(param(0, 1)).toValue(SLIDER_STEPS / 2)).toBe(0.5);
  });

  it('round integer parameters and find a value’s position again', () => {
    const scale = sliderScale(param(1, 5, true));
    expect(scale.toValue(610)).toBe(3);
    expect(scale.toValue(scale.toPosition(4))).toBe(4);
    const wide = sliderScale(param(2, 10_000_000, true));
    expect(wide.toValue(wide.toPosition(1000))).toBeCloseTo(1000, -2);
  });

  it('clamp values outside the range', () => {
    expect(sliderScale(param(0, 1)).toPosition(7)).toBe(SLIDER_STEPS);
  });
});
