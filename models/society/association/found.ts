import type { Community, Market } from '../communities/community.js';
import { copyPolicy } from '../communities/civic-columns.js';
import { NearestK, nearestFree } from '../communities/place.js';
import { monitoring } from '../governance/detection.js';
import { newGovernance } from '../governance/state.js';
import type { Land } from '../land/land.js';
import type { Society } from '../society.js';
import type { LivingSites } from './living-sites.js';

/** The free cell nearest (x, y) within `radius` cells (ring by ring; ties by cell index), or -1. */
export function freeSiteNear(land: Land, x: number, y: number, radius: number): number {
  for (let r = 1; r <= radius; r++) {
    let best = -1;
    let bestDistance = Infinity;
    for (let cy = Math.max(0, y - r); cy <= Math.min(land.height - 1, y + r); cy++) {
      for (let cx = Math.max(0, x - r); cx <= Math.min(land.width - 1, x + r); cx++) {
        if (Math.max(Math.abs(cx - x), Math.abs(cy - y)) !== r) continue;
        const cell = cy * land.width + cx;
        const distance = (cx - x) ** 2 + (cy - y) ** 2;
        if (land.user[cell] === -1 && distance < bestDistance) {
          best = cell;
          bestDistance = distance;
        }
      }
    }
    if (best >= 0) return best;
  }
  return -1;
}

/**
 * Founds a community on free land near its parent: cells in proportion to its founders
 * (as at the start), the parent's policies but its own sharing, its markets priced as the
 * parent's, trade partners among the nearest living communities. Returns null when no free
 * land lies within `foundingRadius`. `living`: a grid of the communities' sites for the partner search.
 */
export function foundCommunity(society: Society, parent: Community, founders: number, sharing: number, living?: LivingSites): Community | null {
  const p = society.params;
  const site = freeSiteNear(society.land, parent.x, parent.y, p.foundingRadius);
  if (site < 0) return null;
  const id = society.communities.length;
  const meanSize = p.population / p.communities;
  const cells = nearestFree(society.land, site, Math.max(1, Math.round((p.cellsPerCommunity * founders) / meanSize)), id);
  const community = society.newCommunity(id, site, cells, 0);
  // Copied field by field into the policy newCommunity made (a view of the civic columns).
  copyPolicy(community.policy, parent.policy).sharing = sharing;
  for (const good of ['food', 'manufactures'] as const) priceAsParent(community[good], parent[good]);
  community.governance = newGovernance(society.civic, id, monitoring(p, founders, founders).detection, society.steps + 1);
  community.partners = nearestLiving(society, community, p.tradePartners, living);
  society.communities.push(community);
  return community;
}

/** A new market priced as its parent's, with nothing produced or left over yet (markets are views of columns: no spread copies them). */
function priceAsParent(market: Market, parent: Market): void {
  market.labourCost = parent.labourCost;
  market.productivity = parent.productivity;
  market.markup = parent.markup;
  market.price = parent.price;
  market.output = market.unmet = market.unsold = 0;
}

/**
 * The k living communities nearest a new one (distance, then id), kept while scanning: no sort.
 * With `living` (a grid of the communities, none emptied or revived since), only nearby blocks are scanned.
 */
function nearestLiving(society: Society, community: Community, k: number, living?: LivingSites): number[] {
  const best = new NearestK(k);
  if (living) {
    living.search(community.x, community.y, best);
    return best.ids.slice(0, best.count);
  }
  for (const other of society.communities) {
    if (other.population === 0) continue;
    best.offer((other.x - community.x) ** 2 + (other.y - community.y) ** 2, other.id);
  }
  return best.ids.slice(0, best.count);
}
