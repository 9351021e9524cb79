import * as Plot from '@observablehq/plot';
import type { SimEvent } from '../../sim/events.js';
import type { CommunityDatum, CommunityHistory } from './communities.js';
import { steadyDomain } from './charts.js';
import { POLICY_COLOURS } from './palette.js';
import { hoistPlotStyles } from './plot-style.js';
import { formatValue } from './story.js';

/** Events that name a community in any id-like field (community, from, to, parent, child, target). */
export function eventsOfCommunity(events: SimEvent[], id: number): SimEvent[] {
  return events.filter((event) => Object.entries(event).some(([key, value]) => value === id && /community|from|to|parent|child|target/i.test(key)));
}

function historyChart(steps: number[], values: number[], label: string, colour: string): SVGSVGElement | HTMLElement {
  return Plot.plot({
    ariaLabel: label,
    ariaDescription: `${label} of this community over time.`,
    width: 300,
    height: 110,
    marginLeft: 44,
    style: { fontSize: '11px', background: 'transparent' },
    x: { label: 'step' },
    y: { label, grid: true, zero: label === 'population', domain: steadyDomain(values), tickFormat: formatValue },
    marks: [Plot.line(steps.map((step, i) => ({ step, value: values[i]! })), { x: 'step', y: 'value', stroke: colour, strokeWidth: 2 })],
  });
}

function membersChart(edges: ArrayLike<number>, counts: ArrayLike<number>): SVGSVGElement | HTMLElement {
  const bars = Array.from({ length: counts.length }, (_, b) => ({ x1: edges[b]!, x2: edges[b + 1]!, count: counts[b]! }));
  return Plot.plot({
    ariaLabel: 'Members by wealth',
    ariaDescription: 'How this community’s members are spread over bands of wealth now.',
    width: 300,
    height: 120,
    marginLeft: 44,
    style: { fontSize: '11px', background: 'transparent' },
    x: { label: 'member wealth →' },
    y: { label: '↑ members', grid: true },
    marks: [Plot.rectY(bars, { x1: 'x1', x2: 'x2', y: 'count', fill: '#56B4E9', inset: 0.5 }), Plot.ruleY([0])],
  });
}

/** Its members' wealth as histogram bins, when the frame carries them. */
export interface MemberBins {
  edges: ArrayLike<number>;
  counts: ArrayLike<number>;
}

/** A community's panel: its figures now, its members' wealth, its population and sharing over time, and the events that name it. */
export function communityPanel(community: CommunityDatum, history: CommunityHistory | undefined, events: SimEvent[], onClose: () => void, members?: MemberBins): HTMLElement {
  const panel = document.createElement('aside');
  panel.className = 'community-panel';
  panel.setAttribute('aria-label', `Community ${community.id}`);
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'small close';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Close the community panel');
  close.addEventListener('click', onClose);
  const heading = document.createElement('h3');
  heading.textContent = `Community ${community.id}`;
  const facts = document.createElement('p');
  facts.textContent = `${formatValue(community.population)} people · sharing ${formatValue(community.sharing)} · fund ${formatValue(community.fund)}${community.annexed ? ' · annexed' : ''}`;
  panel.append(close, heading, facts);
  if (members) panel.append(membersChart(members.edges, members.counts));
  if (history && history.steps.length > 1) {
    panel.append(historyChart(history.steps, history.population, 'population', '#444'), historyChart(history.steps, history.sharing, 'sharing', POLICY_COLOURS.communist));
  }
  const own = eventsOfCommunity(events, community.id);
  const list = document.createElement('ul');
  list.className = 'community-events';
  for (const event of own.slice(-12)) {
    const item = document.createElement('li');
    const { step, type, ...details } = event;
    item.textContent = `step ${step}: ${type.replace(/_/g, ' ')} ${JSON.stringify(details)}`;
    list.append(item);
  }
  const eventsHeading = document.createElement('h4');
  eventsHeading.textContent = own.length ? `Its events (${own.length}, latest shown)` : 'No events name this community yet.';
  panel.append(eventsHeading, list);
  // The panel is rebuilt while a run plays: its charts' style sheets must not restyle the page each time.
  hoistPlotStyles(panel);
  return panel;
}
