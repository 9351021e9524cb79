import { healthCatchments } from './catchments.js';
import { groupBy, type ServedPlace } from './place.js';
import type { BorderKind } from './syndicate.js';
import { transportRegionOf } from './transport.js';

/** What service regions are drawn from: the places, the watershed map, and the reach settings. */
export interface RegionInputs {
  places: readonly ServedPlace[];
  /** Watershed id per cell (row-major). */
  basin: Int32Array;
  width: number;
  catchmentDensity: number;
  catchmentReach: number;
  transportRegion: number;
}

/**
 * The service regions of a function with the given border: region key → member community
 * ids (ascending; keys ascending). Watershed: the basin of the community's site; catchment:
 * dense clusters and their suburbs; regional: square tiles; global: one; community: each its
 * own; none: no regions.
 */
export function serviceRegions(kind: BorderKind, inputs: RegionInputs): Map<number, number[]> {
  const { places, basin, width } = inputs;
  switch (kind) {
    case 'watershed':
      return groupBy(places, (place) => basin[place.y * width + place.x]!);
    case 'catchment': {
      const catchment = healthCatchments(places, inputs.catchmentDensity, inputs.catchmentReach);
      return groupBy(places, (place) => catchment.get(place.id)!);
    }
    case 'regional':
      return groupBy(places, (place) => transportRegionOf(place, inputs.transportRegion, width));
    case 'global':
      return groupBy(places, () => 0);
    case 'community':
      return groupBy(places, (place) => place.id);
    case 'none':
      return new Map();
  }
}
