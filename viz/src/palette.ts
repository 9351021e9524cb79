import * as d3 from 'd3';

/** Okabe–Ito: eight colours every common form of colour blindness can tell apart. */
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'] as const;

/** One colour per policy, the same in every view: mutualism orange, hybrid grey, communism blue. */
export const POLICY_COLOURS = { mutualist: '#E69F00', hybrid: '#999999', communist: '#0072B2' } as const;

/** One colour per side in compare mode. */
export const SIDE_COLOURS = { A: '#D55E00', B: '#009E73' } as const;

/** Sharing (0 = mutualism … 1 = communism) as a colour between the two policy colours. */
export const sharingColour = d3.scaleLinear<string>().domain([0, 0.5, 1]).range([POLICY_COLOURS.mutualist, '#EDEDED', POLICY_COLOURS.communist]).clamp(true);

/** A colour for each line in a chart of several metrics. */
export function seriesColour(index: number): string {
  return OKABE_ITO[[4, 5, 2, 6, 0, 1, 7, 3][index % 8]!]!;
}
