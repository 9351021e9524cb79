import type { FrameArray } from './frames.js';

/** One community as the map draws it. */
export interface CommunityDatum {
  id: number;
  x: number;
  y: number;
  population: number;
  sharing: number;
  fund: number;
  annexed: boolean;
  /** Federation id, or -1 when the community belongs to none. */
  federation: number;
}

/** Rebuilds community objects from a frame's `community.*` columns (empty when the model has none). */
export function communitiesFrom(columns: Record<string, FrameArray>): CommunityDatum[] {
  const ids = columns['community.id'];
  if (!ids) return [];
  const field = (name: string, i: number, fallback = 0) => columns[`community.${name}`]?.[i] ?? fallback;
  return Array.from(ids, (id, i) => ({
    id,
    x: field('x', i),
    y: field('y', i),
    population: field('population', i),
    sharing: field('sharing', i),
    fund: field('fund', i),
    annexed: field('annexed', i) > 0,
    federation: field('federation', i, -1),
  }));
}

/** Federation links as pairs: each member joined to its federation's first-listed member (a star, not all pairs). */
export function federationLinks(communities: CommunityDatum[]): [CommunityDatum, CommunityDatum][] {
  const hubs = new Map<number, CommunityDatum>();
  const links: [CommunityDatum, CommunityDatum][] = [];
  for (const community of communities) {
    if (community.federation < 0) continue;
    const hub = hubs.get(community.federation);
    if (hub) links.push([hub, community]);
    else hubs.set(community.federation, community);
  }
  return links;
}

/** A community's history as the page records it, one entry per frame. */
export interface CommunityHistory {
  steps: number[];
  population: number[];
  sharing: number[];
}

/** Appends the communities' current values to their histories (new communities start a history). */
export function recordHistories(histories: Map<number, CommunityHistory>, step: number, communities: CommunityDatum[]): void {
  for (const community of communities) {
    let history = histories.get(community.id);
    if (!history) histories.set(community.id, (history = { steps: [], population: [], sharing: [] }));
    if (history.steps[history.steps.length - 1] === step) continue;
    history.steps.push(step);
    history.population.push(community.population);
    history.sharing.push(community.sharing);
  }
}
